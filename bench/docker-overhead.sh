#!/usr/bin/env bash
# Platform overhead on Docker: time from `POST /aaclusters/{name}` to the notebook instance `ready` in the API
# (median of N), next to a bare `docker run` of the same image, with the same command, limits and hardening as the
# platform gives a `small` instance, to its first 200 on /api/status (median of N), once on the default bridge and
# once on a network of its own created first (as AAPF creates one per cluster).
#
# The perf type's CPU limit (0.5 CPU for `small`) slows the notebook's own start-up; both columns use it, so that
# their difference is what AAPF adds (reconcile wake-up, the cluster network, create/start calls, readiness
# detection, the database write), not the user's choice of performance type. Each run is split up by the engine's own
# timestamps: request -> container created -> container started -> ready. The middle part is the engine's own work
# (with vfs, a copy of the whole image: 6-18 s here, depending on the disk's load) and is the same for every column;
# the phases outside it are where a platform adds time, so their sum is reported per column too. Both sides are watched the same way, every
# 100 ms over one kept-alive connection (bench/wait_ready.py): polling with a curl and a jq process every 20 ms took
# enough of the 2 cores to slow the engine's image copy for the AAPF runs alone.
#
# Loopback only; every container and network it starts is removed. Figures go to bench/results/docker-overhead.txt.
# Usage: bench/docker-overhead.sh [N]   (default 5)
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
source "$root/scripts/java-home.sh"
runs="${1:-5}"
image=aapf/jupyter-notebook:6.4
data="$(mktemp -d)"
port=38124
export AAPF_DATA_DIR="$data" AAPF_PORT="$port" AAPF_HOST=127.0.0.1 AAPF_SERVER_ID="bench-$$"
"$root/aapf" users add benchuser --password benchpass123 >/dev/null 2>&1
"$root/aapf" serve >"$data/server.log" 2>&1 &
server=$!
cleanup() {
    kill "$server" 2>/dev/null || true
    wait "$server" 2>/dev/null || true
    docker ps -aq --filter "label=org.aapf.server=$AAPF_SERVER_ID" | xargs -r docker rm -f >/dev/null
    docker ps -aq --filter "label=aapf-bench=$$" | xargs -r docker rm -f >/dev/null
    docker network ls -q --filter "label=org.aapf.server=$AAPF_SERVER_ID" | xargs -r docker network rm >/dev/null
    docker network ls -q --filter "label=aapf-bench=$$" | xargs -r docker network rm >/dev/null
    rm -rf "$data"
}
trap cleanup EXIT
api="http://127.0.0.1:$port/api/v1"
for _ in $(seq 1 120); do curl -fs -o /dev/null "http://127.0.0.1:$port/health/live" && break; sleep 0.5; done
token=$(curl -s -X POST -H 'Content-Type: application/json' -d '{"username":"benchuser","password":"benchpass123"}' \
    "$api/login" | jq -r .accessToken)
now_ms() { date +%s%3N; }
ms_of() { date -d "$1" +%s%3N; } # an engine timestamp (RFC 3339, nanoseconds) in epoch milliseconds
median() { sort -n | awk '{a[NR]=$1} END {print (NR%2 ? a[(NR+1)/2] : (a[NR/2]+a[NR/2+1])/2)}'; }
# "created started" of a container, in epoch milliseconds
engine_times() {
    local created started
    read -r created started < <(docker inspect -f '{{.Created}} {{.State.StartedAt}}' "$1")
    echo "$(ms_of "$created") $(ms_of "$started")"
}

# Warm-up: the first create after an engine start pays for caches that later ones do not.
docker rm -f "$(docker create --label "aapf-bench=$$" "$image" true)" >/dev/null

# A bare run of the notebook, with extra `docker run` options, timed from $T0 (default: now); appends to the arrays
# named by the prefix.
bare_run() {
    local prefix=$1
    shift
    local t0 t1 id hostport created started
    t0=${T0:-$(now_ms)}
    id=$(docker run -d --label "aapf-bench=$$" -p 127.0.0.1::8888 --cpus 0.5 --memory 1g --memory-swap 1g \
        --pids-limit 1024 --cap-drop ALL --security-opt no-new-privileges "$@" "$image" jupyter-notebook \
        --ip=0.0.0.0 --port=8888 --no-browser --NotebookApp.token=benchtoken)
    hostport=$(docker port "$id" 8888 | head -n 1 | cut -d: -f2)
    t1=$(python3 "$root/bench/wait_ready.py" status "$hostport" "/api/status?token=benchtoken")
    read -r created started < <(engine_times "$id")
    eval "${prefix}+=($(( t1 - t0 ))) ${prefix}_create+=($(( created - t0 )))"
    eval "${prefix}_start+=($(( started - created ))) ${prefix}_ready+=($(( t1 - started )))"
    docker rm -f "$id" >/dev/null
}

# One run of each kind per round, so that a change in the machine's load hits every column alike. The third column
# is a bare run on a network of its own, as AAPF gives each cluster: its difference to AAPF is AAPF's orchestration.
platform=() p_create=() p_start=() p_ready=()
bare=() bare_create=() bare_start=() bare_ready=()
net=() net_create=() net_start=() net_ready=()
for i in $(seq 1 "$runs"); do
    t0=$(now_ms)
    curl -s -o /dev/null -X POST -H "Authorization: Bearer $token" -H 'Content-Type: application/json' \
        -d '{"jupyterNotebook":{"image":{"repositoryName":"aa_jupyter_notebook"},"perfType":"small"}}' "$api/aaclusters/b$i"
    t1=$(python3 "$root/bench/wait_ready.py" cluster "$port" "b$i" "$token")
    platform+=($(( t1 - t0 )))
    id=$(docker ps -q --filter "label=org.aapf.server=$AAPF_SERVER_ID" --filter "label=org.aapf.service=jupyter-notebook")
    read -r created started < <(engine_times "$id")
    p_create+=($(( created - t0 ))) p_start+=($(( started - created ))) p_ready+=($(( t1 - started )))
    curl -s -o /dev/null -X DELETE -H "Authorization: Bearer $token" "$api/aaclusters/b$i"
    until [[ $(curl -s -o /dev/null -w '%{http_code}' -H "Authorization: Bearer $token" "$api/aaclusters/b$i") == 404 ]]; do sleep 0.2; done

    bare_run bare

    t0=$(now_ms)
    docker network create --label "aapf-bench=$$" "aapf-bench-$$-$i" >/dev/null
    T0=$t0 bare_run net --network "aapf-bench-$$-$i" --network-alias jupyter-notebook
    docker network rm "aapf-bench-$$-$i" >/dev/null
done

mkdir -p "$root/bench/results"
med() { printf '%s\n' "$@" | median; }
p=$(med "${platform[@]}") b=$(med "${bare[@]}") n=$(med "${net[@]}")
{
    echo "# bench/docker-overhead.sh $runs on $(nproc) cores, $(date -u +%Y-%m-%dT%H:%MZ), image $image, perf type small"
    echo "# (0.5 CPU, 1 GiB) in every column; storage driver $(docker info -f '{{.Driver}}'); medians in ms"
    printf '%-36s %8s %12s %14s\n' "" "AAPF" "docker run" "+ own network"
    row() { printf '%-36s %8s %12s %14s\n' "$1" "$(med $2)" "$(med $3)" "$(med $4)"; }
    row "request -> container created" "${p_create[*]}" "${bare_create[*]}" "${net_create[*]}"
    row "created -> started (engine)" "${p_start[*]}" "${bare_start[*]}" "${net_start[*]}"
    row "started -> ready (API / 200)" "${p_ready[*]}" "${bare_ready[*]}" "${net_ready[*]}"
    printf '%-36s %8s %12s %14s\n' "request -> ready" "$p" "$b" "$n"
    own() { local -n c=$1 r=$2; for k in "${!c[@]}"; do echo $(( c[k] + r[k] )); done | median; }
    printf '%-36s %8s %12s %14s\n' "outside the engine (1st + 3rd rows)" "$(own p_create p_ready)" \
        "$(own bare_create bare_ready)" "$(own net_create net_ready)"
    echo "AAPF runs, ms:                 ${platform[*]}"
    echo "docker run runs, ms:           ${bare[*]}"
    echo "docker run + network runs, ms: ${net[*]}"
    echo "request -> ready, AAPF minus docker run: $(( ${p%.*} - ${b%.*} )) ms; minus docker run + own network:" \
        "$(( ${p%.*} - ${n%.*} )) ms"
    echo "outside the engine, AAPF minus docker run: $(( $(own p_create p_ready) - $(own bare_create bare_ready) )) ms"
} | tee "$root/bench/results/docker-overhead.txt"

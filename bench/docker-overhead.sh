#!/usr/bin/env bash
# Platform overhead on Docker: time from `POST /aaclusters/{name}` to the notebook instance `ready` in the API
# (median of N), next to a bare `docker run` of the same image, with the same command, limits and hardening as the
# platform gives a `small` instance, to its first 200 on /api/status (median of N).
#
# The perf type's CPU limit (0.5 CPU for `small`) slows the notebook's own start-up; both columns use it, so that
# their difference is what AAPF adds (reconcile wake-up, the cluster network, create/start calls, readiness
# detection, the database write), not the user's choice of performance type. Each run is split up by the engine's own
# timestamps: request -> container created -> container started -> ready.
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

# One platform run and one bare run per round, so that a change in the machine's load hits both columns alike.
platform=() p_create=() p_start=() p_ready=()
bare=() b_create=() b_start=() b_ready=()
for i in $(seq 1 "$runs"); do
    t0=$(now_ms)
    curl -s -o /dev/null -X POST -H "Authorization: Bearer $token" -H 'Content-Type: application/json' \
        -d '{"jupyterNotebook":{"image":{"repositoryName":"aa_jupyter_notebook"},"perfType":"small"}}' "$api/aaclusters/b$i"
    until [[ $(curl -s -H "Authorization: Bearer $token" "$api/aaclusters/b$i" \
        | jq -r '.aacluster.services[0].instances[0].status') == ready ]]; do sleep 0.02; done
    t1=$(now_ms)
    platform+=($(( t1 - t0 )))
    id=$(docker ps -q --filter "label=org.aapf.server=$AAPF_SERVER_ID" --filter "label=org.aapf.service=jupyter-notebook")
    read -r created started < <(engine_times "$id")
    p_create+=($(( created - t0 ))) p_start+=($(( started - created ))) p_ready+=($(( t1 - started )))
    curl -s -o /dev/null -X DELETE -H "Authorization: Bearer $token" "$api/aaclusters/b$i"
    until [[ $(curl -s -o /dev/null -w '%{http_code}' -H "Authorization: Bearer $token" "$api/aaclusters/b$i") == 404 ]]; do sleep 0.2; done

    t0=$(now_ms)
    id=$(docker run -d --label "aapf-bench=$$" -p 127.0.0.1::8888 --cpus 0.5 --memory 1g --memory-swap 1g \
        --pids-limit 1024 --cap-drop ALL --security-opt no-new-privileges "$image" jupyter-notebook --ip=0.0.0.0 \
        --port=8888 --no-browser --NotebookApp.token=benchtoken)
    hostport=$(docker port "$id" 8888 | head -n 1 | cut -d: -f2)
    until [[ $(curl -s -o /dev/null -w '%{http_code}' "http://127.0.0.1:$hostport/api/status?token=benchtoken") == 200 ]]; do
        sleep 0.02
    done
    t1=$(now_ms)
    bare+=($(( t1 - t0 )))
    read -r created started < <(engine_times "$id")
    b_create+=($(( created - t0 ))) b_start+=($(( started - created ))) b_ready+=($(( t1 - started )))
    docker rm -f "$id" >/dev/null
done

mkdir -p "$root/bench/results"
med() { printf '%s\n' "$@" | median; }
p=$(med "${platform[@]}") b=$(med "${bare[@]}")
{
    echo "# bench/docker-overhead.sh $runs on $(nproc) cores, $(date -u +%Y-%m-%dT%H:%MZ), image $image, perf type small"
    echo "# (0.5 CPU, 1 GiB) in both columns; storage driver $(docker info -f '{{.Driver}}'); medians in ms"
    printf '%-34s %10s %10s\n' "" "AAPF" "docker run"
    printf '%-34s %10s %10s\n' "request -> container created" "$(med "${p_create[@]}")" "$(med "${b_create[@]}")"
    printf '%-34s %10s %10s\n' "created -> started (engine)" "$(med "${p_start[@]}")" "$(med "${b_start[@]}")"
    printf '%-34s %10s %10s\n' "started -> ready (API / 200)" "$(med "${p_ready[@]}")" "$(med "${b_ready[@]}")"
    printf '%-34s %10s %10s\n' "request -> ready" "$p" "$b"
    echo "AAPF runs, ms:       ${platform[*]}"
    echo "docker run runs, ms: ${bare[*]}"
    echo "platform overhead (median difference): $(( ${p%.*} - ${b%.*} )) ms"
} | tee "$root/bench/results/docker-overhead.txt"

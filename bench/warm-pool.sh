#!/usr/bin/env bash
# Warm pools against cold starts on the real Docker engine (issue 24): N creates of a notebook-only cluster
# (aa_jupyter_notebook, small) one after another, first with no pool (cold: AAPF creates and starts the container,
# Jupyter starts), then with a pool of SIZE warm instances (warm: the create takes a started notebook). For each
# create: request -> notebook instance "ready" in the API, and request -> first 200 of <urlPath>/api/status through
# AAPF's proxy with the notebook's token; median and p99 of each (p99 of 20 runs is their maximum). For the warm runs
# also the refill: request -> the replacement warm instance is ready (the pool's aapf_pool_refill timer counted it),
# and the timer itself (instance recorded -> ready) at the end. Before each warm create the script waits until the pool is full, so every warm create
# meets a full pool; each cluster is deleted (and its 404 awaited) before the next.
#
# Then the same for starts of a stopped cluster (after an idle stop): N times stop (awaited), then start, timed from the
# start request, on a cluster whose workspace holds only what the notebook wrote itself (small); a warm start copies
# the workspace into a warm instance before it answers, so the POST's own round trip is shown too. Last, warm and cold
# starts with a workspace of 1, 50 and 200 MiB of random bytes (3 starts each, median), for the size limit of the copy
# (the warm server's pool allows 1024 MiB here; the shipped default is in the README).
#
# Each server first makes one untimed create (the first request of a fresh JVM loads and compiles the code paths, which
# a long-running server has done long before; the results file without it is warm-pool-no-warmup.txt).
# Two servers on an H2 database of their own, one per column, so that the cold runs never meet a warm instance. The
# machine is shared: the load average is printed with the figures. Loopback only; everything the servers create is
# removed by their server id. Figures go to bench/results/warm-pool.txt.
# Usage: bench/warm-pool.sh [N] [SIZE] [RESULTS] [MIBS]   (defaults 20, 2, bench/results/warm-pool.txt, "1 50 200")
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
source "$root/scripts/java-home.sh"
runs="${1:-20}"
size="${2:-2}"
results="${3:-$root/bench/results/warm-pool.txt}"
mibs="${4:-1 50 200}"
sized_runs=3
pool="aa_jupyter_notebook/small"
port=38125
work="$(mktemp -d)"
server=""
export AAPF_PORT="$port" AAPF_HOST=127.0.0.1 AAPF_METRICS_TOKEN="bench-metrics-$$" AAPF_FIRST_RUN=skip
stop_server() {
    if [[ -n "$server" ]]; then
        kill "$server" 2>/dev/null || true
        wait "$server" 2>/dev/null || true
        server=""
    fi
    if [[ -n "${AAPF_SERVER_ID:-}" ]]; then
        docker ps -aq --filter "label=org.aapf.server=$AAPF_SERVER_ID" | xargs -r docker rm -f >/dev/null
        docker network ls -q --filter "label=org.aapf.server=$AAPF_SERVER_ID" | xargs -r docker network rm >/dev/null
        docker volume ls -q --filter "label=org.aapf.server=$AAPF_SERVER_ID" | xargs -r docker volume rm >/dev/null
    fi
}
trap 'stop_server; rm -rf "$work"' EXIT

# start_server NAME POOL_SIZE: a server with the shipped catalogue plus a pool of that size
start_server() {
    export AAPF_DATA_DIR="$work/$1" AAPF_SERVER_ID="bench-$1-$$" AAPF_CATALOGUE="$work/$1.yaml"
    mkdir -p "$AAPF_DATA_DIR"
    sed "s|^pools: \[\]|pools: [{image: aa_jupyter_notebook, perfType: small, size: $2, maxStartCopyMiB: 1024}]|" \
        "$root/embedded/src/main/resources/aapf-catalogue.yaml" >"$AAPF_CATALOGUE"
    "$root/aapf" users add benchuser --password benchpass123 >/dev/null 2>&1
    "$root/aapf" serve >"$work/$1.log" 2>&1 &
    server=$!
    for _ in $(seq 1 240); do curl -fs -o /dev/null "http://127.0.0.1:$port/health/live" && break; sleep 0.5; done
    token=$(curl -s -X POST -H 'Content-Type: application/json' \
        -d '{"username":"benchuser","password":"benchpass123"}' "http://127.0.0.1:$port/api/v1/login" | jq -r .accessToken)
}

median() { sort -n | awk '{a[NR]=$1} END {print (NR%2 ? a[(NR+1)/2] : (a[NR/2]+a[NR/2+1])/2)}'; }
p99() { sort -n | awk '{a[NR]=$1} END {i=int(NR*0.99+0.999); if (i<1) i=1; if (i>NR) i=NR; print a[i]}'; }
column() { awk -v c="$1" '{print $c}' "$2"; }
# starts NAME [METRICS_TOKEN POOL SIZE]: a cluster, N timed starts after stops, then the sized ones
starts() {
    local kind="$1"
    shift
    python3 "$root/bench/warm_pool.py" create-only "$port" "$token" "s"
    python3 "$root/bench/warm_pool.py" start "$port" "$token" "s" "$@" >/dev/null
    for i in $(seq 1 "$runs"); do
        python3 "$root/bench/warm_pool.py" start "$port" "$token" "s" "$@" >>"$work/$kind-start.txt"
    done
    for mib in $mibs; do
        python3 "$root/bench/warm_pool.py" fill "$port" "$token" "s" "$mib" "$AAPF_SERVER_ID"
        for i in $(seq 1 "$sized_runs"); do
            python3 "$root/bench/warm_pool.py" start "$port" "$token" "s" "$@" >>"$work/$kind-start-$mib.txt"
        done
    done
}
load_before=$(uptime)

# Warm-up: the first create after an engine start pays for caches that later ones do not.
docker rm -f "$(docker create aapf/jupyter-notebook:6.4 true)" >/dev/null

start_server cold 0
python3 "$root/bench/warm_pool.py" create "$port" "$token" "c0" >/dev/null
for i in $(seq 1 "$runs"); do
    python3 "$root/bench/warm_pool.py" create "$port" "$token" "c$i" >>"$work/cold.txt"
done
starts cold
stop_server
load_middle=$(uptime)

start_server warm "$size"
python3 "$root/bench/warm_pool.py" await-pool "$port" "$AAPF_METRICS_TOKEN" "$pool" "$size"
python3 "$root/bench/warm_pool.py" create "$port" "$token" "w0" "$AAPF_METRICS_TOKEN" "$pool" "$size" >/dev/null
for i in $(seq 1 "$runs"); do
    python3 "$root/bench/warm_pool.py" await-pool "$port" "$AAPF_METRICS_TOKEN" "$pool" "$size"
    python3 "$root/bench/warm_pool.py" create "$port" "$token" "w$i" "$AAPF_METRICS_TOKEN" "$pool" "$size" \
        >>"$work/warm.txt"
done
starts warm "$AAPF_METRICS_TOKEN" "$pool" "$size"
metrics=$(curl -s -H "Authorization: Bearer $AAPF_METRICS_TOKEN" "http://127.0.0.1:$port/metrics" | grep '^aapf_pool')
stop_server
load_after=$(uptime)

mkdir -p "$root/bench/results"
{
    echo "# bench/warm-pool.sh $runs $size (after one untimed create per server) on $(nproc) cores, $(date -u +%Y-%m-%dT%H:%MZ), storage driver" \
        "$(docker info -f '{{.Driver}}'), image aapf/jupyter-notebook:6.4, perf type small (0.5 CPU, 1 GiB)"
    echo "# The machine is shared with other engineers' builds and tests; load average before / between / after:"
    echo "#   ${load_before##*load average: } / ${load_middle##*load average: } / ${load_after##*load average: }"
    printf '%-46s %10s %10s %10s %10s\n' "ms, $runs creates each" "cold med" "cold p99" "warm med" "warm p99"
    row() {
        printf '%-46s %10s %10s %10s %10s\n' "$1" "$(column "$2" "$work/cold.txt" | median)" \
            "$(column "$2" "$work/cold.txt" | p99)" "$(column "$2" "$work/warm.txt" | median)" \
            "$(column "$2" "$work/warm.txt" | p99)"
    }
    row "request -> instance ready (API)" 1
    row "request -> first proxied /api/status 200" 2
    printf '%-46s %10s %10s %10s %10s\n' "request -> replacement warm instance ready" "" "" \
        "$(column 4 "$work/warm.txt" | median)" "$(column 4 "$work/warm.txt" | p99)"
    echo "cluster status at the first GET after the POST: cold: $(column 3 "$work/cold.txt" | sort | uniq -c | xargs)," \
        "warm: $(column 3 "$work/warm.txt" | sort | uniq -c | xargs)"
    printf '%-46s %10s %10s %10s %10s\n' "ms, $runs starts each (stop, then start)" "cold med" "cold p99" "warm med" \
        "warm p99"
    srow() {
        printf '%-46s %10s %10s %10s %10s\n' "$1" "$(column "$2" "$work/cold-start.txt" | median)" \
            "$(column "$2" "$work/cold-start.txt" | p99)" "$(column "$2" "$work/warm-start.txt" | median)" \
            "$(column "$2" "$work/warm-start.txt" | p99)"
    }
    srow "start: POST round trip" 1
    srow "start: request -> instance ready (API)" 2
    srow "start: request -> first proxied /api/status 200" 3
    echo "cluster status at the first GET after the start: cold: $(column 4 "$work/cold-start.txt" | sort | uniq -c | xargs)," \
        "warm: $(column 4 "$work/warm-start.txt" | sort | uniq -c | xargs)"
    printf '%-46s %10s %10s %10s %10s\n' "ms, median of $sized_runs starts, workspace of" "cold POST" "cold proxy" \
        "warm POST" "warm proxy"
    for mib in $mibs; do
        printf '%-46s %10s %10s %10s %10s\n' "$mib MiB (+ the notebook's own files)" \
            "$(column 1 "$work/cold-start-$mib.txt" | median)" "$(column 3 "$work/cold-start-$mib.txt" | median)" \
            "$(column 1 "$work/warm-start-$mib.txt" | median)" "$(column 3 "$work/warm-start-$mib.txt" | median)"
    done
    echo "cold starts (post api proxy), ms: $(awk '{printf "%s/%s/%s ", $1, $2, $3}' "$work/cold-start.txt")"
    echo "warm starts (post api proxy), ms: $(awk '{printf "%s/%s/%s ", $1, $2, $3}' "$work/warm-start.txt")"
    echo "cold runs (api proxy), ms: $(awk '{printf "%s/%s ", $1, $2}' "$work/cold.txt")"
    echo "warm runs (api proxy refill), ms: $(awk '{printf "%s/%s/%s ", $1, $2, $4}' "$work/warm.txt")"
    echo "pool metrics at the end of the warm runs:"
    echo "$metrics" | sed 's/^/  /'
} | tee "$results"

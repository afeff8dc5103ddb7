#!/usr/bin/env bash
# Where the heap allocation of a small API request goes, layer by layer: bytes allocated per request (the JVM's
# jvm_gc_memory_allocated_bytes_total between two forced full GCs, divided by the requests wrk made; background work
# included, which is noise at thousands of requests a second) for
#   bare Helidon     Helidon 4 alone, one route with a fixed body (bench/BareHelidon.java, the launcher's JVM options)
#   live, direct     AAPF's GET /health/live on its Helidon server behind the gateway (access log, metrics, routing)
#   live             the same through the gateway, AAPF's public port
#   one, direct      GET /api/v1/aaclusters/c042 with the API token, on the Helidon server
#   one              the same through the gateway: what a client gets (bench/jupyterhub.sh reports this one too)
#   one, access      the same with a login's access token
# AAPF runs as bench/jupyterhub.sh runs it: H2, user "bench" with 100 AAClusters, a Docker backend with no engine.
# Prints a table and writes bench/results/allocation.txt (or $1). Tunables: SECONDS_PER_RUN=10 CONNECTIONS=50.
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
source "$root/scripts/java-home.sh"
source "$root/bench/aapf-api.sh"
out="${1:-$root/bench/results/allocation.txt}"
seconds="${SECONDS_PER_RUN:-10}"
connections="${CONNECTIONS:-50}"
port=38510
bare_port=38511
metrics_token="bench-$(head -c 12 /dev/urandom | od -An -tx1 | tr -d ' \n')"

command -v wrk >/dev/null || apt-get install -y -q wrk >/dev/null
"$root/aapf" --help >/dev/null   # builds the distribution if it is stale
jar="$root/bootstrap/target/aapf.jar"
jvm=("@$root/scripts/jvm.options")   # the launcher's JVM options

scratch="$(mktemp -d)"
pids=()
cleanup() {
    for pid in "${pids[@]}"; do kill "$pid" 2>/dev/null || true; done
    for pid in "${pids[@]}"; do wait "$pid" 2>/dev/null || true; done
    rm -rf "$scratch"
}
trap cleanup EXIT

# --- the bare Helidon server ----------------------------------------------------------------------------------------
"$JAVA_HOME/bin/java" "${jvm[@]}" -cp "$jar" "$root/bench/BareHelidon.java" "$bare_port" >"$scratch/bare.log" 2>&1 &
bare_pid=$!
pids+=("$bare_pid")

# --- AAPF -----------------------------------------------------------------------------------------------------------
export AAPF_DATA_DIR="$scratch/data" AAPF_PORT="$port" AAPF_HOST=127.0.0.1 AAPF_METRICS_TOKEN="$metrics_token"
printf 'backend:\n  docker:\n    host: unix://%s/no-engine.sock\n' "$scratch" >"$scratch/aapf.yaml"
export AAPF_CONFIG="$scratch/aapf.yaml"
unset AAPF_DB_URL AAPF_DB_USER
"$root/aapf" users add bench --password benchpass123 >/dev/null
"$root/aapf" serve >"$scratch/server.log" 2>&1 &
aapf_pid=$!
pids+=("$aapf_pid")
wait_http "http://127.0.0.1:$port/health/live"
wait_http "http://127.0.0.1:$bare_port/health/live"
aapf_tokens "$port"
aapf_clusters "$port" "$aapf_access" 100
# the Helidon server behind the gateway listens on another loopback port of the same process
direct=""
for candidate in $(ss -ltnpH | awk -v pid="pid=$aapf_pid," 'index($0, pid) { n = split($4, a, ":"); print a[n] }'); do
    [[ $candidate == "$port" ]] && continue
    if [[ $(curl -s -o /dev/null -w '%{http_code}' "http://127.0.0.1:$candidate/health/live") == 200 ]]; then
        direct=$candidate
    fi
done
[[ -n $direct ]] || { echo "the Helidon server behind the gateway was not found" >&2; exit 1; }

per_request() {   # PID METRICS_URL URL HEADER: warms, then allocated bytes per request and requests/s
    wrk -t2 -c"$connections" -d3s -H "$4" "$3" >/dev/null
    allocation_per_request "$1" "$2" "$metrics_token" "$seconds" "$connections" "$3" "$4"
}

mkdir -p "$(dirname "$out")"
exec > >(tee "$out")
echo "# bench/allocation.sh at $(git -C "$root" rev-parse --short HEAD), $(date -u +%Y-%m-%dT%H:%M:%SZ)," \
    "$(nproc) cores, load average before $(cut -d' ' -f1-3 /proc/loadavg); $connections connections, ${seconds} s each"
printf '%-14s %10s %8s\n' request 'bytes/req' 'req/s'
row() { printf '%-14s %10s %8s\n' "$1" $2; }
aapf_row() {   # LABEL PORT PATH HEADER: a request to AAPF on PORT (the public one, or the Helidon server's behind it)
    row "$1" "$(per_request "$aapf_pid" "http://127.0.0.1:$port/metrics" "http://127.0.0.1:$2$3" "$4")"
}
row "bare Helidon" "$(per_request "$bare_pid" "http://127.0.0.1:$bare_port/metrics" \
    "http://127.0.0.1:$bare_port/health/live" "X-Bench: 1")"
aapf_row "live, direct" "$direct" /health/live "X-Bench: 1"
aapf_row "live" "$port" /health/live "X-Bench: 1"
aapf_row "one, direct" "$direct" /api/v1/aaclusters/c042 "Authorization: Bearer $aapf_api"
aapf_row "one" "$port" /api/v1/aaclusters/c042 "Authorization: Bearer $aapf_api"
aapf_row "one, access" "$port" /api/v1/aaclusters/c042 "Authorization: Bearer $aapf_access"
echo "load average after: $(cut -d' ' -f1-3 /proc/loadavg)"

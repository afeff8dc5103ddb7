#!/usr/bin/env bash
# Platform overhead on Docker: time from `POST /aaclusters/{name}` to the notebook instance `ready` (median of N),
# next to a bare `docker run` of the same image to its first 200 on /api/status (median of N), on this machine.
# Loopback only; every container it starts is removed. Figures go to bench/results/docker-overhead.txt.
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
median() { sort -n | awk '{a[NR]=$1} END {print (NR%2 ? a[(NR+1)/2] : (a[NR/2]+a[NR/2+1])/2)}'; }

platform=()
for i in $(seq 1 "$runs"); do
    t0=$(now_ms)
    curl -s -o /dev/null -X POST -H "Authorization: Bearer $token" -H 'Content-Type: application/json' \
        -d '{"jupyterNotebook":{"image":{"repositoryName":"aa_jupyter_notebook"},"perfType":"small"}}' "$api/aaclusters/b$i"
    until [[ $(curl -s -H "Authorization: Bearer $token" "$api/aaclusters/b$i" \
        | jq -r '.aacluster.services[0].instances[0].status') == ready ]]; do sleep 0.05; done
    platform+=($(( $(now_ms) - t0 )))
    curl -s -o /dev/null -X DELETE -H "Authorization: Bearer $token" "$api/aaclusters/b$i"
    until [[ $(curl -s -o /dev/null -w '%{http_code}' -H "Authorization: Bearer $token" "$api/aaclusters/b$i") == 404 ]]; do sleep 0.2; done
done

bare=()
for i in $(seq 1 "$runs"); do
    t0=$(now_ms)
    id=$(docker run -d --label "aapf-bench=$$" -p 127.0.0.1::8888 "$image" jupyter-notebook --ip=0.0.0.0 \
        --port=8888 --no-browser --NotebookApp.token=benchtoken)
    hostport=$(docker port "$id" 8888 | head -n 1 | cut -d: -f2)
    until [[ $(curl -s -o /dev/null -w '%{http_code}' "http://127.0.0.1:$hostport/api/status?token=benchtoken") == 200 ]]; do
        sleep 0.05
    done
    bare+=($(( $(now_ms) - t0 )))
    docker rm -f "$id" >/dev/null
done

mkdir -p "$root/bench/results"
p=$(printf '%s\n' "${platform[@]}" | median)
b=$(printf '%s\n' "${bare[@]}" | median)
{
    echo "# bench/docker-overhead.sh $runs on $(nproc) cores, $(date -u +%Y-%m-%dT%H:%MZ), image $image"
    echo "POST /aaclusters/{name} -> instance ready, ms: ${platform[*]} (median $p)"
    echo "bare docker run -> /api/status 200, ms:       ${bare[*]} (median $b)"
    echo "platform overhead (median difference): $(( ${p%.*} - ${b%.*} )) ms"
} | tee "$root/bench/results/docker-overhead.txt"

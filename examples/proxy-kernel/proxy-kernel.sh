#!/usr/bin/env bash
# A kernel execution through the AAPF notebook proxy, end to end on this machine: starts `aapf serve` (Docker
# backend, the default) with its own data directory and port, adds a user, logs in, creates an AACluster with the
# reference's body, waits for the notebook to be ready, then through <urlPath> only: api/status with and without the
# token, a kernel started over REST, print(6*7) executed over the kernel WebSocket (ProxyKernel.java, JDK clients).
# Deletes the cluster, stops the server and removes every container it started. Needs docker, curl, jq and the
# image aapf/jupyter-notebook:6.4 (images/build-test-images.sh).
# Usage: examples/proxy-kernel/proxy-kernel.sh [port]   (default 38125)
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
source "$root/scripts/java-home.sh"
port="${1:-38125}"
data="$(mktemp -d)"
export AAPF_DATA_DIR="$data" AAPF_PORT="$port" AAPF_HOST=127.0.0.1 AAPF_SERVER_ID="proxy-kernel-$$"
server=""
cleanup() {
    if [[ -n $server ]]; then
        kill "$server" 2>/dev/null || true
        wait "$server" 2>/dev/null || true
    fi
    docker ps -aq --filter "label=org.aapf.server=$AAPF_SERVER_ID" | xargs -r docker rm -f >/dev/null
    docker network ls -q --filter "label=org.aapf.server=$AAPF_SERVER_ID" | xargs -r docker network rm >/dev/null
    rm -rf "$data"
}
trap cleanup EXIT
step() { printf '\n$ %s\n' "$*"; }

step "aapf users add demo (data dir $data, port $port, server id $AAPF_SERVER_ID)"
"$root/aapf" users add demo --password demopass123
"$root/aapf" serve >"$data/server.log" 2>&1 &
server=$!
api="http://127.0.0.1:$port/api/v1"
for _ in $(seq 1 240); do curl -fs -o /dev/null "http://127.0.0.1:$port/health/live" && break; sleep 0.5; done
step "aapf serve: $(grep -m1 'AAPF listening' "$data/server.log" | sed 's/.* - //')"

step "curl -X POST $api/login"
token=$(curl -fsS -X POST -H 'Content-Type: application/json' -d '{"username":"demo","password":"demopass123"}' \
    "$api/login" | jq -r .accessToken)
echo "accessToken: ${token:0:12}..."

body='{"jupyterNotebook":{"image":{"repositoryName":"aa_jupyter_notebook"},"perfType":"small"}}'
step "curl -X POST $api/aaclusters/sample -d '$body'"
curl -sS -X POST -H "Authorization: Bearer $token" -H 'Content-Type: application/json' -d "$body" \
    "$api/aaclusters/sample"
echo
for _ in $(seq 1 240); do
    cluster=$(curl -fsS -H "Authorization: Bearer $token" "$api/aaclusters/sample")
    [[ $(jq -r '.aacluster.services[0].instances[0].status' <<<"$cluster") == ready ]] && break
    sleep 0.5
done
step "curl $api/aaclusters/sample   (notebook instance)"
jq '.aacluster.services[0].instances[0] | .jupyterToken = (.jupyterToken[0:8] + "...")' <<<"$cluster"
url_path=$(jq -r '.aacluster.services[0].instances[0].urlPath' <<<"$cluster")
jupyter_token=$(jq -r '.aacluster.services[0].instances[0].jupyterToken' <<<"$cluster")
echo "notebook container: $(docker ps --filter "label=org.aapf.server=$AAPF_SERVER_ID" --format '{{.Names}} {{.Image}} {{.Status}}')"

step "java examples/proxy-kernel/ProxyKernel.java http://127.0.0.1:$port$url_path <jupyterToken>"
"$JAVA_HOME/bin/java" "$root/examples/proxy-kernel/ProxyKernel.java" "http://127.0.0.1:$port$url_path" "$jupyter_token"

step "curl -X DELETE $api/aaclusters/sample"
curl -sS -X DELETE -H "Authorization: Bearer $token" "$api/aaclusters/sample"
echo
for _ in $(seq 1 240); do
    [[ $(curl -s -o /dev/null -w '%{http_code}' -H "Authorization: Bearer $token" "$api/aaclusters/sample") == 404 ]] && break
    sleep 0.5
done
step "after the delete: GET $url_path/api/status -> $(curl -s -o /dev/null -w '%{http_code}' \
    "http://127.0.0.1:$port$url_path/api/status?token=$jupyter_token"), containers left: $(docker ps -aq \
    --filter "label=org.aapf.server=$AAPF_SERVER_ID" | wc -l)"
step "access log lines of the proxied requests (no path, query or token):"
grep 'org.aapf.access' "$data/server.log" | grep 'route=/proxy' | head -n 5

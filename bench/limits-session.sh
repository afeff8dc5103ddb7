#!/bin/bash
# A curl session against a running AAPF that hits each per-user limit, shows GET /usage and the admin views.
# Start the server with limits, e.g.:
#   AAPF_LIMITS_MAX_CLUSTERS=3 AAPF_LIMITS_MAX_CPU=1.5 AAPF_LIMITS_MAX_MEMORY_MIB=3072 AAPF_LIMITS_MAX_GPUS=0 ./aapf serve
# with users: ./aapf users add admin --admin --password admin-pass-1; ./aapf users add alice --password alice-pass-1;
#   ./aapf users add bob --password bob-pass-12
# Usage: bench/limits-session.sh [base-url]   (prints each request and its answer; leaves no cluster behind)
set -u
API=${1:-http://localhost:3000}/api/v1

login() {
    curl -s -X POST -H 'Content-Type: application/json' -d "{\"username\":\"$1\",\"password\":\"$2\"}" "$API/login" \
        | jq -r .accessToken
}

# call TOKEN METHOD PATH [BODY]: prints the request, the status and the JSON answer
call() {
    local token=$1 method=$2 path=$3 body=${4:-}
    echo "\$ curl -X $method $path${body:+ -d '$body'}"
    if [[ -n $body ]]; then
        curl -s -w '\n%{http_code}\n' -X "$method" -H "Authorization: Bearer $token" -H 'Content-Type: application/json' \
            -d "$body" "$API$path" | tac | { read -r code; echo "HTTP $code"; tac | jq -c . 2>/dev/null; }
    else
        curl -s -w '\n%{http_code}\n' -X "$method" -H "Authorization: Bearer $token" "$API$path" \
            | tac | { read -r code; echo "HTTP $code"; tac | jq -c . 2>/dev/null; }
    fi
    echo
}

wait_status() { # TOKEN NAME STATUS
    for _ in $(seq 1 120); do
        [[ $(curl -s -H "Authorization: Bearer $1" "$API/aaclusters/$2" | jq -r .aacluster.status) == "$3" ]] && return
        sleep 1
    done
    echo "(AACluster $2 did not become $3)"
}

notebook() { echo "{\"jupyterNotebook\":{\"image\":{\"repositoryName\":\"aa_jupyter_notebook\"},\"perfType\":\"$1\"}}"; }
SPARK='{"jupyterNotebook":{"image":{"repositoryName":"aa_jupyter_notebook"},"perfType":"small"},
 "sparkMaster":{"image":{"repositoryName":"aa_spark"},"perfType":"small"},
 "sparkWorker":{"image":{"repositoryName":"aa_spark"},"perfType":"small","numberOfInstances":1}}'

alice=$(login alice alice-pass-1)
bob=$(login bob bob-pass-12)
admin=$(login admin admin-pass-1)

echo "## alice's limits (the configured defaults) and use"
call "$alice" GET /usage
echo "## what this host can run"
call "$alice" GET /perf-types
call "$alice" POST /aaclusters/big "$(notebook large)"
echo "## an admin raises alice's CPU and memory limits (maxClusters keeps the default)"
call "$admin" PUT /admin/users/alice/limits '{"maxCpu": 2.5, "maxMemoryMiB": 8192}'
call "$alice" POST /aaclusters/spark "$(echo $SPARK)"
echo "## maxCpu at resize"
call "$alice" PATCH /aaclusters/spark '{"sparkWorker":{"numberOfInstances":4}}'
call "$alice" POST /aaclusters/nb1 "$(notebook small)"
echo "## maxCpu at create"
call "$alice" POST /aaclusters/nb2 "$(notebook medium)"
call "$alice" POST /aaclusters/nb2 "$(notebook small)"
echo "## maxClusters at create"
call "$alice" POST /aaclusters/nb3 "$(notebook small)"
echo "## a stopped cluster holds no CPU or memory, but still counts as a cluster"
call "$alice" POST /aaclusters/nb1/stop
wait_status "$alice" nb1 stopped
call "$alice" GET /usage
call "$alice" PATCH /aaclusters/spark '{"sparkWorker":{"numberOfInstances":2}}'
echo "## maxCpu at start"
call "$alice" POST /aaclusters/nb1/start
echo "## maxMemoryMiB at start"
call "$admin" PUT /admin/users/alice/limits '{"maxCpu": 100, "maxMemoryMiB": 5120}'
call "$alice" POST /aaclusters/nb1/start
echo "## maxGpus: the defaults allow 0 GPUs (on this host a GPU type is refused as unavailable before limits)"
call "$alice" GET /usage
echo "## the admin views (bob has a cluster too)"
call "$bob" POST /aaclusters/bobs "$(notebook small)"
call "$admin" GET /admin/users
call "$admin" GET '/admin/aaclusters?limit=2'
cursor=$(curl -s -H "Authorization: Bearer $admin" "$API/admin/aaclusters?limit=2" | jq -r .nextCursor)
call "$admin" GET "/admin/aaclusters?limit=2&cursor=$cursor"
call "$admin" GET '/admin/aaclusters?owner=alice&status=stopped'
call "$admin" POST /admin/aaclusters/alice/spark/stop
echo "## not for alice, and bad input"
call "$alice" GET /admin/users
call "$alice" GET /admin/aaclusters
call "$admin" GET '/admin/aaclusters?limit=0'
call "$admin" GET '/admin/aaclusters?status=sleeping'
call "$admin" GET '/admin/aaclusters?cursor=bm9wZQ'
call "$admin" PUT /admin/users/alice/limits '{"maxCpu": -1}'
call "$admin" PUT /admin/users/alice/limits '{"maxCpu": 0.0001}'
call "$admin" PUT /admin/users/alice/limits '{"maxDisks": 1}'
call "$admin" PUT /admin/users/nobody/limits '{"maxClusters": 1}'
call "$admin" PUT /admin/users/alice/admin '{}'
echo "## clean-up: an admin deletes alice's clusters, and alice's overrides go back to the defaults"
for name in spark nb1 nb2; do call "$admin" DELETE "/admin/aaclusters/alice/$name"; done
call "$admin" DELETE /admin/aaclusters/bob/bobs
call "$admin" PUT /admin/users/alice/limits '{}'

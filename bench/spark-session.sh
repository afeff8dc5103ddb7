#!/usr/bin/env bash
# A curl session with a Spark cluster on Docker, for reading: log in, create a notebook + Spark master + 2 workers,
# wait for `created` (printing the time from the create request), ask the master how many workers are alive, resize
# to 3 workers and then to 1 (printing the API's worker instances and the master's count each time), show the
# cluster's events, delete it and wait for 404. Runs its own server on 127.0.0.1 with a throw-away data directory;
# every container and network it causes is removed on exit. Needs the images aapf/jupyter-notebook:6.4 and
# aapf/spark:3.5 (images/build-test-images.sh). Set SERVER_LOG=/some/file to keep the server's log.
# Usage: bench/spark-session.sh [> transcript.txt]
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
source "$root/scripts/java-home.sh"
data="$(mktemp -d)"
port=38126
export AAPF_DATA_DIR="$data" AAPF_PORT="$port" AAPF_HOST=127.0.0.1 AAPF_SERVER_ID="spark-session-$$"
"$root/aapf" users add user1 --password user1pass >/dev/null 2>&1
"$root/aapf" serve >"$data/server.log" 2>&1 &
server=$!
cleanup() {
    kill "$server" 2>/dev/null || true
    wait "$server" 2>/dev/null || true
    [[ -z ${SERVER_LOG:-} ]] || cp "$data/server.log" "$SERVER_LOG"
    docker ps -aq --filter "label=org.aapf.server=$AAPF_SERVER_ID" | xargs -r docker rm -f >/dev/null
    docker network ls -q --filter "label=org.aapf.server=$AAPF_SERVER_ID" | xargs -r docker network rm >/dev/null
    rm -rf "$data"
}
trap cleanup EXIT
api="http://127.0.0.1:$port/api/v1"
for _ in $(seq 1 240); do curl -fs -o /dev/null "http://127.0.0.1:$port/health/live" && break; sleep 0.5; done

now_ms() { date +%s%3N; }
seconds_since() { awk -v ms=$(( $(now_ms) - $1 )) 'BEGIN { printf "%.1f", ms / 1000 }'; }
say() { printf '\n# %s\n' "$*"; }

# call METHOD PATH [JSON]: shows the request as a curl command line, runs it, shows the status; the body is in $body.
call() {
    local method=$1 path=$2 json=${3:-}
    local args=(-s -X "$method" -H "Authorization: Bearer $token" -w '\n%{http_code}')
    printf '$ curl -X %s -H "Authorization: Bearer $token"' "$method"
    if [[ -n $json ]]; then
        args+=(-H 'Content-Type: application/json' -d "$json")
        printf " -H 'Content-Type: application/json' -d '%s'" "$json"
    fi
    printf ' %s%s\n' "$api" "$path"
    local reply
    reply=$(curl "${args[@]}" "$api$path")
    status=${reply##*$'\n'}
    body=${reply%$'\n'*}
    echo "HTTP $status"
}

cluster() { curl -s -H "Authorization: Bearer $token" "$api/aaclusters/spark"; }

# await_created N: polls until the cluster is `created` with N workers, printing each change of the instances.
await_created() {
    local want=$1 last="" now
    local deadline=$(( $(date +%s) + 600 ))
    while :; do
        now=$(cluster | jq -c '.aacluster | [.status, [.services[] | .name + ":" +
            ([.instances[].status] | join(","))]]')
        if [[ $now != "$last" ]]; then
            echo "  $(seconds_since "$t0") s  $now"
            last=$now
        fi
        [[ $(jq -r '.[0]' <<<"$now") == created && $(jq -r '.[1][2]' <<<"$now" | tr ',' '\n' | wc -l) == "$want" ]] \
            && return 0
        (( $(date +%s) < deadline )) || { echo "not created with $want workers in 600 s" >&2; exit 1; }
        sleep 0.2
    done
}

workers() {
    echo "API worker instances:"
    cluster | jq -c '.aacluster.services[2].instances[] | {index, status, health}'
    local master hostport
    master=$(docker ps -q --filter "label=org.aapf.server=$AAPF_SERVER_ID" --filter "label=org.aapf.service=spark-master")
    hostport=$(docker port "$master" 8080/tcp | head -n 1)
    echo "Spark master (its web UI /json/ on $hostport, published on loopback only):"
    curl -s "http://$hostport/json/" | jq -c '{aliveworkers, workers: [.workers[] | select(.state == "ALIVE") | .host]}'
}

say "Log in as user1"
echo "\$ curl -X POST -H 'Content-Type: application/json' -d '{\"username\": \"user1\", \"password\": \"user1pass\"}' $api/login"
token=$(curl -s -X POST -H 'Content-Type: application/json' -d '{"username":"user1","password":"user1pass"}' \
    "$api/login" | jq -r .accessToken)
echo "token=${token:0:12}… (the accessToken of the reply)"

say "Create a notebook with a Spark master and 2 workers"
t0=$(now_ms)
call POST /aaclusters/spark '{"jupyterNotebook": {"image": {"repositoryName": "aa_jupyter_notebook"}, "perfType": "small"}, "sparkMaster": {"image": {"repositoryName": "aa_spark"}, "perfType": "small"}, "sparkWorker": {"image": {"repositoryName": "aa_spark"}, "perfType": "small", "numberOfInstances": 2}}'
echo "$body" | jq -c .
await_created 2
created_s=$(seconds_since "$t0")
echo "create -> created: $created_s s (notebook + master + 2 workers, $(nproc) cores)"
call GET /aaclusters/spark
echo "$body" | jq -c '.aacluster | {name, status, services: [.services[] | {name, instances: [.instances[] | .status]}]}'
workers

say "Resize to 3 workers"
t0=$(now_ms)
call PATCH /aaclusters/spark '{"sparkWorker": {"numberOfInstances": 3}}'
await_created 3
echo "2 -> 3 workers, created again: $(seconds_since "$t0") s"
workers

say "Resize to 1 worker (the highest indexes go first)"
t0=$(now_ms)
call PATCH /aaclusters/spark '{"sparkWorker": {"numberOfInstances": 1}}'
await_created 1
echo "3 -> 1 worker, created again: $(seconds_since "$t0") s"
for _ in $(seq 1 100); do
    [[ $(curl -s "http://$(docker port "$(docker ps -q --filter "label=org.aapf.server=$AAPF_SERVER_ID" \
        --filter "label=org.aapf.service=spark-master")" 8080/tcp | head -n 1)/json/" | jq .aliveworkers) == 1 ]] && break
    sleep 0.2
done
workers

say "The cluster's events"
call GET /aaclusters/spark/events
echo "$body" | jq -r '.events[] | "\(.at)  \(.type)  \(.message)"'

say "Delete the cluster and wait for 404"
t0=$(now_ms)
call DELETE /aaclusters/spark
until [[ $(curl -s -o /dev/null -w '%{http_code}' -H "Authorization: Bearer $token" "$api/aaclusters/spark") == 404 ]]; do
    sleep 0.2
done
echo "deleted (404) after $(seconds_since "$t0") s"
call GET /aaclusters/spark
echo "$body" | jq -c .
echo "containers of this server left: $(docker ps -aq --filter "label=org.aapf.server=$AAPF_SERVER_ID" | wc -l)"
echo
echo "SUMMARY create->created ${created_s} s"

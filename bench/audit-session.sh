#!/usr/bin/env bash
# A curl session for reading, then its audit trail: a wrong password, a login, an API token created and deleted, a
# notebook created, stopped, started and deleted, a non-admin refused the audit, a logout; then an admin reads
# GET /admin/audit and the operator runs `aapf audit export`. Runs its own server on 127.0.0.1 with a throw-away data
# directory; every container, network and volume it causes is removed on exit. Needs aapf/jupyter-notebook:6.4.
# Usage: bench/audit-session.sh [> transcript.txt]
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
source "$root/scripts/java-home.sh"
data="$(mktemp -d)"
port=38127
export AAPF_DATA_DIR="$data" AAPF_PORT="$port" AAPF_HOST=127.0.0.1 AAPF_SERVER_ID="audit-session-$$"
"$root/aapf" users add user1 --password user1pass >/dev/null 2>&1
"$root/aapf" users add admin --password adminpass --admin >/dev/null 2>&1
"$root/aapf" serve >"$data/server.log" 2>&1 &
server=$!
cleanup() {
    kill "$server" 2>/dev/null || true
    wait "$server" 2>/dev/null || true
    docker ps -aq --filter "label=org.aapf.server=$AAPF_SERVER_ID" | xargs -r docker rm -f >/dev/null
    docker network ls -q --filter "label=org.aapf.server=$AAPF_SERVER_ID" | xargs -r docker network rm >/dev/null
    docker volume ls -q --filter "label=org.aapf.server=$AAPF_SERVER_ID" | xargs -r docker volume rm >/dev/null
    rm -rf "$data"
}
trap cleanup EXIT
api="http://127.0.0.1:$port/api/v1"
for _ in $(seq 1 240); do curl -fs -o /dev/null "http://127.0.0.1:$port/health/live" && break; sleep 0.5; done

say() { printf '\n# %s\n' "$*"; }
# call METHOD PATH [JSON]: shows the request, runs it with $token, shows the status and the body.
call() {
    local method=$1 path=$2 json=${3:-}
    local args=(-s -X "$method" -H "Authorization: Bearer $token" -w '\n%{http_code}')
    [[ -z $json ]] || args+=(-H 'Content-Type: application/json' -d "$json")
    printf '$ curl -X %s %s%s %s\n' "$method" "$api" "$path" "${json:+-d '$json'}"
    local reply
    reply=$(curl "${args[@]}" "$api$path")
    # the API token's secret is shown once to its owner; the transcript does not keep it
    echo "HTTP ${reply##*$'\n'} ${reply%$'\n'*}" | sed -E 's/"token":"[^"]*"/"token":"<secret>"/' | cut -c1-200
}
status() { curl -s -H "Authorization: Bearer $token" "$api/aaclusters/nb" | jq -r .aacluster.status; }
await() { for _ in $(seq 1 600); do [[ $(status) == "$1" ]] && return 0; sleep 0.5; done; echo "not $1" >&2; exit 1; }
login() { curl -s -X POST -H 'Content-Type: application/json' -d "{\"username\":\"$1\",\"password\":\"$2\"}" "$api/login"; }

say "user1 mistypes the password, then logs in"
login user1 wrong-password | jq -c .
token=$(login user1 user1pass | jq -r .accessToken)
call POST /api-tokens/ci '{"password": "user1pass"}'
call DELETE /api-tokens/ci
call POST /aaclusters/nb '{"jupyterNotebook": {"image": {"repositoryName": "aa_jupyter_notebook"}, "perfType": "small"}}'
await created
call POST /aaclusters/nb/stop
await stopped
call POST /aaclusters/nb/start
await created
call DELETE /aaclusters/nb
call GET /admin/audit
call POST /logout

say "an admin reads the trail (page of 5, then the next page by its cursor)"
token=$(login admin adminpass | jq -r .accessToken)
page=$(curl -s -H "Authorization: Bearer $token" "$api/admin/audit?since=PT1H&limit=5")
echo "$page" | jq -c '.entries[]'
curl -s -H "Authorization: Bearer $token" "$api/admin/audit?since=PT1H&limit=5&cursor=$(jq -r .nextCursor <<<"$page")" \
    | jq -c '.entries[]'
call GET '/admin/audit?since=yesterday'

say "the operator exports it: aapf audit export --since PT1H"
"$root/aapf" audit export --since PT1H

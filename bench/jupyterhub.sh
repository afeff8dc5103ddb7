#!/usr/bin/env bash
# AAPF's API side by side with JupyterHub's on loopback: 100 users each; AAPF's user "bench" owns 100 AAClusters,
# JupyterHub answers for its 100 users. wrk (2 threads, 50 connections, keep-alive) measures, in interleaved rounds:
#   one record   GET /api/v1/aaclusters/c042        against  GET /hub/api/users/user42
#   list of 100  GET /api/v1/aaclusters             against  GET /hub/api/users
# AAPF with its API token and with a login's access token (JWT), JupyterHub with a service's API token. Prints
# requests/s, p50, p99, the ratios to JupyterHub and both servers' RSS (largest seen while measuring, sampled every
# 0.5 s), once on H2 (the default) and once on PostgreSQL (127.0.0.1:5432, database test, a schema of its own that is
# dropped afterwards), and writes bench/results/api-vs-jupyterhub.txt (or $1) with the machine's load.
#
# Fairness: both servers are asked for records only; no notebook is started. AAPF's clusters are recorded through the
# API with the Docker backend pointed at a socket with no engine behind it, so the reconciler only marks them
# "backend unreachable" (every record carries that alert) and nothing runs. Both are reached at their public port:
# JupyterHub through its configurable-http-proxy (as clients reach it), AAPF through its front listener. JupyterHub
# keeps its users in SQLite (its default). AAPF runs as `./aapf serve` does, with the launcher's default JVM options.
# Both are warmed for WARMUP seconds on each request before the rounds; the rounds rotate the targets' order so that
# the machine's drift falls on all alike; a figure is the median of the rounds.
#
# Usage: bench/jupyterhub.sh [RESULTS_FILE]   Tunables (environment): SECONDS_PER_RUN=10 ROUNDS=3 WARMUP=10
#   CONNECTIONS=50 DATABASES="h2 postgres"
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
source "$root/scripts/java-home.sh"
source "$root/bench/aapf-api.sh"
out="${1:-$root/bench/results/api-vs-jupyterhub.txt}"
seconds="${SECONDS_PER_RUN:-10}"
rounds="${ROUNDS:-3}"
warmup="${WARMUP:-10}"
connections="${CONNECTIONS:-50}"
databases="${DATABASES:-h2 postgres}"
users=100
hub_port=38200
metrics_token="bench-$(head -c 12 /dev/urandom | od -An -tx1 | tr -d ' \n')"
aapf_port=38210

for tool in jupyterhub wrk; do
    if ! command -v "$tool" >/dev/null; then
        echo "installing $tool from Debian..." >&2
        apt-get install -y -q "$tool" >/dev/null
    fi
done
"$root/aapf" --help >/dev/null   # builds the distribution if it is stale, before anything is timed

scratch="$(mktemp -d)"
pids=()
schema=""
cleanup() {
    for pid in "${pids[@]}"; do
        kill "$pid" 2>/dev/null || true
    done
    for pid in "${pids[@]}"; do
        wait "$pid" 2>/dev/null || true
    done
    # JupyterHub stops its proxy itself; this is in case it died, before or after the proxy wrote its pid file
    hub_proxy_pid="${hub_proxy_pid:-$(cat "$scratch/hub/proxy.pid" 2>/dev/null || true)}"
    if [[ -n $hub_proxy_pid ]]; then
        kill "$hub_proxy_pid" 2>/dev/null || true
    fi
    if [[ -n $schema ]]; then
        psql -q -h 127.0.0.1 -U postgres -d test -c "DROP SCHEMA IF EXISTS $schema CASCADE" >/dev/null || true
    fi
    rm -rf "$scratch"
}
trap cleanup EXIT

rss_kb() {   # the summed VmRSS (KiB) of the given pids
    local total=0 pid kb
    for pid in "$@"; do
        kb=$(awk '/^VmRSS:/ {print $2}' "/proc/$pid/status" 2>/dev/null || echo 0)
        total=$((total + ${kb:-0}))
    done
    echo "$total"
}

# --- JupyterHub: 100 users, a service token that may read and list them, SQLite, its own proxy -------------------
hub_token="$(head -c 24 /dev/urandom | od -An -tx1 | tr -d ' \n')"
mkdir -p "$scratch/hub"
cat >"$scratch/hub/jupyterhub_config.py" <<EOF
c.JupyterHub.ip = '127.0.0.1'
c.JupyterHub.port = $hub_port
c.JupyterHub.hub_ip = '127.0.0.1'
c.JupyterHub.hub_port = $((hub_port + 1))
c.ConfigurableHTTPProxy.api_url = 'http://127.0.0.1:$((hub_port + 2))'
c.JupyterHub.db_url = 'sqlite:///$scratch/hub/jupyterhub.sqlite'
c.JupyterHub.cookie_secret_file = '$scratch/hub/cookie_secret'
c.ConfigurableHTTPProxy.pid_file = '$scratch/hub/proxy.pid'
c.JupyterHub.authenticator_class = 'dummy'
c.Authenticator.allowed_users = {f'user{i}' for i in range($users)}
c.JupyterHub.services = [{'name': 'bench', 'api_token': '$hub_token'}]
c.JupyterHub.load_roles = [{'name': 'bench', 'scopes': ['list:users', 'read:users'], 'services': ['bench']}]
c.JupyterHub.api_page_default_limit = 200
c.JupyterHub.api_page_max_limit = 200
c.JupyterHub.log_level = 'WARN'
EOF
# Debian's configurable-http-proxy finds its modules in /usr/share/nodejs only with Debian's node; say where they are
# for any other node on the PATH.
export PGOPTIONS="-c client_min_messages=warning"   # no NOTICE per table the schema drop cascades to
export NODE_PATH="/usr/share/nodejs${NODE_PATH:+:$NODE_PATH}"
(cd "$scratch/hub" && exec jupyterhub -f jupyterhub_config.py >"$scratch/hub/hub.log" 2>&1) &
hub_pid=$!
pids+=("$hub_pid")
hub_auth="Authorization: token $hub_token"
# The proxy answers (404, 503) before the hub has added its route and its users: wait for the whole list.
hub_count=0
for _ in $(seq 1 240); do
    hub_count="$(curl -fs -H "$hub_auth" "http://127.0.0.1:$hub_port/hub/api/users" 2>/dev/null \
        | jq 'length' 2>/dev/null || echo 0)"
    [[ $hub_count == "$users" ]] && break
    kill -0 "$hub_pid" 2>/dev/null || { echo "JupyterHub exited:" >&2; cat "$scratch/hub/hub.log" >&2; exit 1; }
    sleep 0.25
done
[[ $hub_count == "$users" ]] || { echo "JupyterHub lists $hub_count users, not $users:" >&2; cat "$scratch/hub/hub.log" >&2; exit 1; }
hub_proxy_pid="$(cat "$scratch/hub/proxy.pid")"

# --- AAPF ---------------------------------------------------------------------------------------------------------
start_aapf() {   # DATABASE: starts ./aapf serve on a fresh database with 100 users, "bench" owning 100 clusters
    local database=$1 dir="$scratch/aapf-$1"
    mkdir -p "$dir"
    export AAPF_DATA_DIR="$dir/data" AAPF_PORT="$aapf_port" AAPF_HOST=127.0.0.1
    cat >"$dir/aapf.yaml" <<EOF
backend:
  docker:
    host: unix://$dir/no-engine.sock
EOF
    export AAPF_CONFIG="$dir/aapf.yaml" AAPF_METRICS_TOKEN="$metrics_token"
    if [[ $database == postgres ]]; then
        schema="bench_jupyterhub_$$"
        psql -q -h 127.0.0.1 -U postgres -d test -c "CREATE SCHEMA $schema" >/dev/null
        export AAPF_DB_URL="jdbc:postgresql://127.0.0.1:5432/test?currentSchema=$schema" AAPF_DB_USER=postgres
    else
        unset AAPF_DB_URL AAPF_DB_USER
    fi
    "$root/aapf" users add bench --password benchpass123 >/dev/null
    "$root/aapf" serve >"$dir/server.log" 2>&1 &
    aapf_pid=$!
    pids+=("$aapf_pid")
    wait_http "http://127.0.0.1:$aapf_port/health/live"
    aapf_sql "INSERT INTO users (id, username, username_key, password_hash, created_at, password_changed_at)
              SELECT $(uuid_sql), CONCAT('user', CAST(n AS VARCHAR(8))), CONCAT('user', CAST(n AS VARCHAR(8))),
                     password_hash, created_at, password_changed_at
                FROM users, $(range_sql 1 $((users - 1))) WHERE username = 'bench'"
    aapf_tokens "$aapf_port"
    aapf_clusters "$aapf_port" "$aapf_access" "$users"
    local count
    count="$(curl -fs -H "Authorization: Bearer $aapf_api" "http://127.0.0.1:$aapf_port/api/v1/aaclusters" \
        | jq '.aaclusters | length')"
    [[ $count == "$users" ]] || { echo "AAPF lists $count clusters, not $users" >&2; exit 1; }
}

uuid_sql() { [[ -n ${AAPF_DB_URL:-} ]] && echo "CAST(gen_random_uuid() AS VARCHAR)" || echo "CAST(RANDOM_UUID() AS VARCHAR)"; }
range_sql() { [[ -n ${AAPF_DB_URL:-} ]] && echo "generate_series($1, $2) AS s(n)" || echo "SYSTEM_RANGE($1, $2) AS s(n)"; }

aapf_sql() {   # SQL: runs it on the AAPF database of the server that is running
    if [[ -n ${AAPF_DB_URL:-} ]]; then
        psql -q -h 127.0.0.1 -U postgres -d test -c "SET search_path TO $schema; $1" >/dev/null
    else
        "$JAVA_HOME/bin/java" -Dh2.bindAddress=127.0.0.1 -cp "$root/bootstrap/target/aapf.jar" org.h2.tools.Shell \
            -url "jdbc:h2:file:$AAPF_DATA_DIR/aapf;AUTO_SERVER=TRUE" -user sa -password "" -sql "$1" >/dev/null
    fi
}

stop_aapf() {
    kill "$aapf_pid"
    wait "$aapf_pid" 2>/dev/null || true
    if [[ -n $schema ]]; then
        psql -q -h 127.0.0.1 -U postgres -d test -c "DROP SCHEMA $schema CASCADE" >/dev/null
        schema=""
    fi
}

# --- measuring ------------------------------------------------------------------------------------------------------
to_ms() {   # wrk's latency (e.g. 812.00us, 3.21ms, 1.02s) in milliseconds
    awk -v v="$1" 'BEGIN { n = v + 0; if (v ~ /us$/) n /= 1000; else if (v ~ /ms$/) n *= 1; else if (v ~ /s$/) n *= 1000;
                           printf "%.2f", n }'
}

run_wrk() {   # SECONDS URL HEADER: prints "requests/s p50_ms p99_ms non2xx"
    local result
    result="$(wrk -t2 -c"$connections" -d"${1}s" --timeout 30s --latency -H "$3" "$2")"
    local rps p50 p99 bad
    rps="$(awk '/^Requests\/sec:/ {printf "%.0f", $2}' <<<"$result")"
    p50="$(to_ms "$(awk '$1 == "50%" {print $2}' <<<"$result")")"
    p99="$(to_ms "$(awk '$1 == "99%" {print $2}' <<<"$result")")"
    bad="$(awk '/Non-2xx or 3xx responses:/ {print $NF}' <<<"$result")"
    echo "$rps $p50 $p99 ${bad:-0}"
}

declare -A url header
targets=(hub-one aapf-one-api aapf-one-access hub-list aapf-list-api aapf-list-access)
define_targets() {
    url[hub-one]="http://127.0.0.1:$hub_port/hub/api/users/user42"
    url[hub-list]="http://127.0.0.1:$hub_port/hub/api/users"
    header[hub-one]="$hub_auth"
    header[hub-list]="$hub_auth"
    for kind in api access; do
        local token
        [[ $kind == api ]] && token="$aapf_api" || token="$aapf_access"
        url[aapf-one-$kind]="http://127.0.0.1:$aapf_port/api/v1/aaclusters/c042"
        url[aapf-list-$kind]="http://127.0.0.1:$aapf_port/api/v1/aaclusters"
        header[aapf-one-$kind]="Authorization: Bearer $token"
        header[aapf-list-$kind]="Authorization: Bearer $token"
    done
}

allocation_per_get() {   # TARGET: the JVM's allocated bytes per request
    allocation_per_request "$aapf_pid" "http://127.0.0.1:$aapf_port/metrics" "$metrics_token" "$seconds" \
        "$connections" "${url[$1]}" "${header[$1]}" | awk '{print $1}'
}

median() { sort -g | awk '{ v[NR] = $1 } END { print v[int((NR + 1) / 2)] }'; }

measure() {   # DATABASE: warm-up, rounds, table
    local database=$1
    define_targets
    local rss_file="$scratch/rss-$database"
    : >"$rss_file"
    ( while sleep 0.5; do
          echo "$(rss_kb "$hub_pid" "$hub_proxy_pid") $(rss_kb "$aapf_pid")" >>"$rss_file"
      done ) &
    local sampler=$!
    local aapf_rss_before
    aapf_rss_before=$(rss_kb "$aapf_pid")
    for target in "${targets[@]}"; do
        run_wrk "$warmup" "${url[$target]}" "${header[$target]}" >/dev/null
    done
    declare -A rows
    for round in $(seq 1 "$rounds"); do
        local n=${#targets[@]} shift=$(( (round - 1) % ${#targets[@]} ))
        for j in $(seq 0 $((n - 1))); do
            local target="${targets[$(( (j + shift) % n ))]}"
            rows[$target]+="$(run_wrk "$seconds" "${url[$target]}" "${header[$target]}")|"
        done
    done
    kill "$sampler"
    wait "$sampler" 2>/dev/null || true
    local aapf_rss_after hub_rss_max aapf_rss_max
    aapf_rss_after=$(rss_kb "$aapf_pid")
    hub_rss_max=$(awk '$1 > m { m = $1 } END { printf "%.0f", m / 1024 }' "$rss_file")
    aapf_rss_max=$(awk '$2 > m { m = $2 } END { printf "%.0f", m / 1024 }' "$rss_file")

    echo
    echo "## $database: $users users, $users AAClusters, $connections connections, ${seconds} s x $rounds rounds (medians)"
    printf '%-18s %10s %9s %9s %7s   %s\n' target 'req/s' 'p50(ms)' 'p99(ms)' 'non2xx' 'rounds (req/s p99)'
    declare -A rps p99
    for target in "${targets[@]}"; do
        local list="${rows[$target]}"
        IFS='|' read -r -a runs <<<"${list%|}"
        rps[$target]=$(printf '%s\n' "${runs[@]}" | awk '{print $1}' | median)
        local p50m bad
        p50m=$(printf '%s\n' "${runs[@]}" | awk '{print $2}' | median)
        p99[$target]=$(printf '%s\n' "${runs[@]}" | awk '{print $3}' | median)
        bad=$(printf '%s\n' "${runs[@]}" | awk '{ s += $4 } END { print s }')
        printf '%-18s %10s %9s %9s %7s   %s\n' "$target" "${rps[$target]}" "$p50m" "${p99[$target]}" "$bad" \
            "$(printf '%s\n' "${runs[@]}" | awk '{printf "%s %s | ", $1, $3}')"
    done
    for request in one list; do
        for kind in api access; do
            awk -v name="aapf-$request-$kind" -v ar="${rps[aapf-$request-$kind]}" -v hr="${rps[hub-$request]}" \
                -v ap="${p99[aapf-$request-$kind]}" -v hp="${p99[hub-$request]}" 'BEGIN {
                    printf "%-18s %6.1fx JupyterHub req/s (goal >= 30x), p99 %5.3f of JupyterHub p99 (goal <= 0.1)\n",
                        name, ar / hr, ap / hp }'
        done
    done
    echo "allocation per GET of one cluster (API token, $seconds s, between two full GCs): $(allocation_per_get aapf-one-api) bytes"
    echo "allocation per GET of the list of 100 (API token, $seconds s, between two full GCs): $(allocation_per_get aapf-list-api) bytes"
    echo "RSS (MiB): JupyterHub (hub + proxy) max $hub_rss_max; AAPF $((aapf_rss_before / 1024)) before the runs," \
        "max $aapf_rss_max during, $((aapf_rss_after / 1024)) after (goal < 300)"
}

mkdir -p "$(dirname "$out")"
exec > >(tee "$out")
    echo "# bench/jupyterhub.sh at $(git -C "$root" rev-parse --short HEAD), $(date -u +%Y-%m-%dT%H:%M:%SZ)," \
        "$(nproc) cores, load average before $(cut -d' ' -f1-3 /proc/loadavg)"
    echo "# JupyterHub $(jupyterhub --version) (SQLite, configurable-http-proxy), $("$JAVA_HOME/bin/java" -version 2>&1 | head -n 1)," \
        "wrk $(wrk -v 2>&1 | head -n 1 | awk '{print $2}'), AAPF_JAVA_OPTS='${AAPF_JAVA_OPTS:-}'"
    for database in $databases; do
        start_aapf "$database"
        measure "$database"
        echo "load average after: $(cut -d' ' -f1-3 /proc/loadavg)"
        stop_aapf
    done

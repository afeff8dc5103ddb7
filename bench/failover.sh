#!/usr/bin/env bash
# Fail-over benchmark and test: three AAPF servers (bootstrap/target/aapf.jar through ./aapf, default settings, so
# clusters.leaseTtl PT10S) on one PostgreSQL database of their own (created on 127.0.0.1:5432, dropped afterwards) and
# the Docker engine with the real notebook image. Clusters are created through every server; then, each round:
#   kill   - the server holding the reconciler lease gets `kill -9`; later it is started again;
#   freeze - the server holding the lease then gets `kill -STOP`, and `kill -CONT` once another took over.
# Right after each kill/freeze a cluster is created through a surviving server, and every survivor's API is polled
# without pause (bench/api_probe.py) until that cluster is `created`. Reported per event: time to take-over (the
# lease's epoch grows in the database, polled every 100 ms), create -> `created` for the cluster created in the gap,
# and API requests to survivors with how many failed. At the end the engine is checked: no instance's container
# created twice (`docker events`), no two containers for one instance, no container of this run's server id that
# belongs to no cluster (orphan), every cluster `created` (nothing lost); after a thaw the frozen server must not
# take the lease back. Exits non-zero when a check fails, so it is also the fail-over test.
#
# Loopback only; bounded (a watchdog ends the run after 20 min); every process, container, network and volume it
# started and its database are removed. Figures go to bench/results/failover.txt.
# Usage: bench/failover.sh [ROUNDS] [CLUSTERS_PER_SERVER]   (default 2 rounds, 1 cluster per server)
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
source "$root/scripts/java-home.sh"
rounds="${1:-2}"
per_server="${2:-1}"
run="failover-$$"
db="aapf_failover_$$"
ports=(38141 38142 38143)
data="$(mktemp -d)"
pids=(0 0 0)
probes=()
export AAPF_HOST=127.0.0.1 AAPF_SERVER_ID="$run" AAPF_DB_URL="jdbc:postgresql://127.0.0.1:5432/$db?user=postgres"
sql() { psql -h 127.0.0.1 -U postgres -d "$db" -Atqc "$1"; }
now_ms() { date +%s%3N; }

cleanup() {
    set +e
    for pid in "${pids[@]}" "${probes[@]}"; do
        if [[ $pid != 0 ]]; then kill -CONT "$pid" 2>/dev/null; kill -9 "$pid" 2>/dev/null; wait "$pid" 2>/dev/null; fi
    done
    [[ -n ${watchdog:-} ]] && kill "$watchdog" 2>/dev/null
    docker ps -aq --filter "label=org.aapf.server=$run" | xargs -r docker rm -f >/dev/null
    docker network ls -q --filter "label=org.aapf.server=$run" | xargs -r docker network rm >/dev/null
    docker volume ls -q --filter "label=org.aapf.server=$run" | xargs -r docker volume rm >/dev/null
    dropdb -h 127.0.0.1 -U postgres --if-exists "$db"
    rm -rf "$data"
}
trap cleanup EXIT
(sleep 1200; echo "failover.sh: over 20 min, giving up" >&2; kill -TERM $$) &
watchdog=$!

createdb -h 127.0.0.1 -U postgres "$db"
"$root/aapf" users add benchuser --password benchpass123 >"$data/users.log" 2>&1

start_server() {
    local i=$1
    mkdir -p "$data/s$i"
    AAPF_DATA_DIR="$data/s$i" AAPF_PORT="${ports[i]}" "$root/aapf" serve >>"$data/s$i.log" 2>&1 &
    pids[i]=$!
    for _ in $(seq 1 240); do
        curl -fs -o /dev/null "http://127.0.0.1:${ports[i]}/health/live" && return 0
        sleep 0.5
    done
    echo "server $i did not start; its log:" >&2
    tail -n 40 "$data/s$i.log" >&2
    exit 1
}
for i in 0 1 2; do start_server "$i"; done
api() { echo "http://127.0.0.1:${ports[$1]}/api/v1"; }
token=$(curl -fs -X POST -H 'Content-Type: application/json' \
    -d '{"username":"benchuser","password":"benchpass123"}' "$(api 0)/login" | jq -r .accessToken)
create() { # server, name: the HTTP status of POST /aaclusters/name through that server
    curl -s -o /dev/null -w '%{http_code}' -X POST -H "Authorization: Bearer $token" -H 'Content-Type: application/json' \
        -d '{"jupyterNotebook":{"image":{"repositoryName":"aa_jupyter_notebook"},"perfType":"small"}}' \
        "$(api "$1")/aaclusters/$2"
}
created_at() { python3 "$root/bench/wait_ready.py" created "${ports[$1]}" "$2" "$token"; }
epoch() { sql "SELECT epoch FROM reconciler_lease"; }
holder_server() { # the server whose log says it holds the current epoch
    local e
    e=$(epoch)
    for i in 0 1 2; do
        if grep -q "Holding the reconciler lease (epoch $e)" "$data/s$i.log"; then echo "$i"; return 0; fi
    done
    return 1
}
await_holder() {
    for _ in $(seq 1 150); do holder_server && return 0; sleep 0.2; done
    echo "no server holds the lease" >&2
    exit 1
}
await_epoch_above() { # epoch; prints the epoch millisecond at which the lease's epoch first exceeded it
    for _ in $(seq 1 600); do
        if (( $(epoch) > $1 )); then now_ms; return 0; fi
        sleep 0.1
    done
    echo "nobody took the lease over within 60 s" >&2
    exit 1
}

started_s=$(date +%s)
names=()
for i in 0 1 2; do
    for k in $(seq 1 "$per_server"); do
        code=$(create "$i" "s$i-$k")
        [[ $code == 202 ]] || { echo "create through server $i answered $code" >&2; exit 1; }
        names+=("s$i-$k")
    done
done
for name in "${names[@]}"; do created_at 0 "$name" >/dev/null; done

rows=()
failures=()
failed_checks=0
# One gap: $1 kill|freeze. Stops or freezes the lease holder, creates a cluster through a survivor, measures.
gap() {
    local kind=$1 round=$2 victim e0 t0 t_create t_take t_created survivors=() stop name
    victim=$(await_holder)
    for i in 0 1 2; do
        if [[ $i != "$victim" ]]; then survivors+=("$i"); fi
    done
    name="gap-$kind-$round"
    stop="$data/stop-$kind-$round"
    probes=()
    for i in "${survivors[@]}"; do
        python3 "$root/bench/api_probe.py" "${ports[i]}" "$token" "${names[0]}" "$stop" \
            >"$data/probe-$kind-$round-$i.txt" 2>"$data/probe-$kind-$round-$i.err" &
        probes+=($!)
    done
    e0=$(epoch)
    t0=$(now_ms)
    if [[ $kind == kill ]]; then kill -9 "${pids[victim]}"; else kill -STOP "${pids[victim]}"; fi
    t_create=$(now_ms)
    code=$(create "${survivors[0]}" "$name")
    [[ $code == 202 ]] || { echo "create during the gap answered $code" >&2; failed_checks=$((failed_checks + 1)); }
    t_take=$(await_epoch_above "$e0")
    t_created=$(created_at "${survivors[1]}" "$name")
    touch "$stop"
    local sent=0 failed=0 slowest=0 s f m
    for pid in "${probes[@]}"; do wait "$pid"; done
    probes=()
    for i in "${survivors[@]}"; do
        read -r s f m <"$data/probe-$kind-$round-$i.txt"
        sent=$((sent + s)) failed=$((failed + f)) slowest=$((m > slowest ? m : slowest))
        while read -r line; do failures+=("round $round $kind, server s$i: $line"); done \
            <"$data/probe-$kind-$round-$i.err"
    done
    failed_checks=$((failed_checks + failed))
    names+=("$name")
    local taker
    taker=$(await_holder)
    rows+=("$(printf '%-5s %-12s %9d %11d %15d %13d %13d %7d %8d' "$round" "$kind (s$victim)" $((t_take - t0)) \
        $((t_created - t_create)) $((t_created - t_take)) $((t_created - t0)) "$sent" "$failed" "$slowest")")
    if [[ $kind == kill ]]; then
        wait "${pids[victim]}" 2>/dev/null || true
        start_server "$victim"
    else
        local e1
        e1=$(epoch)
        kill -CONT "${pids[victim]}"
        # The thawed server wakes with a lease that lapsed: it must stand by, never take the lease back.
        sleep 12
        if [[ $(epoch) != "$e1" || $(holder_server) != "$taker" ]]; then
            echo "after the thaw the lease moved (epoch $e1 -> $(epoch))" >&2
            failed_checks=$((failed_checks + 1))
        fi
        curl -fs -o /dev/null -H "Authorization: Bearer $token" "$(api "$victim")/aaclusters" \
            || { echo "the thawed server does not answer" >&2; failed_checks=$((failed_checks + 1)); }
    fi
}
for round in $(seq 1 "$rounds"); do
    gap kill "$round"
    gap freeze "$round"
done

# The engine: each instance's container created once, one container per instance, none without a cluster.
sleep 3
until_s=$(date +%s)
twice=$(docker events --since "$started_s" --until "$until_s" --filter "label=org.aapf.server=$run" \
    --filter type=container --filter event=create --format '{{.Actor.Attributes.name}}' | sort | uniq -d | wc -l)
containers=$(docker ps -a --filter "label=org.aapf.server=$run" \
    --format '{{.Label "org.aapf.cluster"}} {{.Label "org.aapf.service"}} {{.Label "org.aapf.index"}}')
two_per_instance=$(sort <<<"$containers" | uniq -d | grep -c . || true)
cluster_ids=$(sql "SELECT id FROM clusters")
orphans=$(awk '{print $1}' <<<"$containers" | grep -v -x -F -f <(echo "$cluster_ids") | grep -c . || true)
not_created=0
for name in "${names[@]}"; do
    [[ $(curl -fs -H "Authorization: Bearer $token" "$(api 0)/aaclusters/$name" | jq -r .aacluster.status) == created ]] \
        || not_created=$((not_created + 1))
done
failed_checks=$((failed_checks + twice + two_per_instance + orphans + not_created))

mkdir -p "$root/bench/results"
{
    echo "# bench/failover.sh $rounds $per_server on $(nproc) cores, $(date -u +%Y-%m-%dT%H:%MZ), 3 servers, PostgreSQL"
    echo "# $(sql 'SHOW server_version'), Docker $(docker version -f '{{.Server.Version}}') ($(docker info -f '{{.Driver}}')),"
    echo "# image aapf/jupyter-notebook:6.4, perf type small; default settings (clusters.leaseTtl PT10S); times in ms"
    echo "# take-over: kill/freeze -> the lease's epoch grows; gap create: POST through a survivor right after the"
    echo "# kill/freeze -> cluster created; survivor API: GETs to the two other servers from the kill/freeze until then (slowest
# in ms). The figures include the machine's load (load average $(cut -d' ' -f1-3 /proc/loadavg) at the end of the run)."
    printf '%-5s %-12s %9s %11s %15s %13s %13s %7s %8s\n' round event take-over "gap create" \
        "take-over->" "kill/freeze" "survivor API" "" "slowest"
    printf '%-5s %-12s %9s %11s %15s %13s %13s %7s %8s\n' "" "" "" "-> created" "created" "-> created" \
        "requests" failed "request"
    printf '%s\n' "${rows[@]}"
    echo "clusters: ${#names[@]} created through the three servers, not created at the end: $not_created"
    echo "duplicates: containers created twice: $twice, instances with two containers: $two_per_instance;" \
        "orphans: $orphans; containers: $(grep -c . <<<"$containers")"
    if (( ${#failures[@]} > 0 )); then printf 'failed request: %s\n' "${failures[@]}"; fi
    echo "checks failed: $failed_checks"
} | tee "$root/bench/results/failover.txt"
(( failed_checks == 0 ))

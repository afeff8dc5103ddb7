#!/usr/bin/env bash
# Login benchmark: starts `./aapf serve` on a scratch H2 database, creates users, then measures logins/s and latency
# with 1 and 8 concurrent clients, and GET /aaclusters latency alone and during a flood of wrong logins from random
# addresses (bounded: SECONDS each, loopback only). Figures go to bench/results/login.txt.
# Usage: bench/login.sh [SECONDS]   (default 20)
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
source "$root/scripts/java-home.sh"
seconds="${1:-20}"
data="$(mktemp -d)"
port=38123
# the flood comes "from" random addresses through X-Forwarded-For, as from behind a proxy: no throttle stops it
export AAPF_DATA_DIR="$data" AAPF_PORT="$port" AAPF_HOST=127.0.0.1 AAPF_TRUST_FORWARDED_FOR=true
for i in 1 2 3 4 5 6 7 8; do
    "$root/aapf" users add "benchuser$i" --password benchpass123 >/dev/null
done
"$root/aapf" serve >"$data/server.log" 2>&1 &
server=$!
trap 'kill $server 2>/dev/null; wait $server 2>/dev/null; rm -rf "$data"' EXIT
for _ in $(seq 1 60); do
    curl -fs -o /dev/null -X POST "http://127.0.0.1:$port/api/v1/login" -H 'Content-Type: application/json' \
        -d '{"username":"benchuser1","password":"benchpass123"}' && break
    sleep 0.5
done
mkdir -p "$root/bench/results"
out="$root/bench/results/login.txt"
{
    echo "# bench/login.sh $seconds on $(nproc) cores, $(date -u +%Y-%m-%dT%H:%MZ), $("$JAVA_HOME/bin/java" -version 2>&1 | head -n 1)"
    for clients in 1 8; do
        "$JAVA_HOME/bin/java" "$root/bench/LoginBench.java" "http://127.0.0.1:$port" benchuser benchpass123 "$clients" "$seconds"
    done
    echo "# login flood: 4 readers (one GET /aaclusters each per 20 ms) alone, then during 64 attackers' wrong logins"
    "$JAVA_HOME/bin/java" "$root/bench/LoginFloodBench.java" "http://127.0.0.1:$port" benchuser1 benchpass123 64 "$seconds"
    echo "# one Argon2id hash (m=19456 KiB, t=2, p=1) in-process, for comparison:"
    "$JAVA_HOME/bin/java" -cp "$root/bootstrap/target/aapf.jar" "$root/bench/HashBench.java" \
        || echo "(HashBench failed)"
} | tee "$out"

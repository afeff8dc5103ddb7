# Sourced by the API benchmarks (bench/jupyterhub.sh, bench/allocation.sh): what they do alike to an AAPF server.

# wait_http URL: waits up to 60 s for any HTTP answer.
wait_http() {
    for _ in $(seq 1 240); do
        curl -s -o /dev/null "$1" && return 0
        sleep 0.25
    done
    echo "no answer from $1" >&2
    return 1
}

# aapf_tokens PORT: logs "bench" (password benchpass123) in; sets aapf_access (the login's access token) and
# aapf_api (a new API token named "bench").
aapf_tokens() {
    local port=$1
    aapf_access="$(curl -fs -X POST -H 'Content-Type: application/json' \
        -d '{"username":"bench","password":"benchpass123"}' "http://127.0.0.1:$port/api/v1/login" | jq -r .accessToken)"
    aapf_api="$(curl -fs -X POST -H "Authorization: Bearer $aapf_access" -H 'Content-Type: application/json' \
        -d '{"password":"benchpass123"}' "http://127.0.0.1:$port/api/v1/api-tokens/bench" | jq -r .apiToken.token)"
}

# aapf_clusters PORT TOKEN COUNT: creates COUNT notebook-only AAClusters named c0 and the zero-padded index (c000 to
# c099 for 100).
aapf_clusters() {
    local port=$1 token=$2 count=$3 i
    for i in $(seq -w 0 $((count - 1))); do
        curl -fs -o /dev/null -X POST -H "Authorization: Bearer $token" -H 'Content-Type: application/json' \
            -d '{"jupyterNotebook":{"image":{"repositoryName":"aa_jupyter_notebook"},"perfType":"small"}}' \
            "http://127.0.0.1:$port/api/v1/aaclusters/c0$i"
    done
}

# allocation_per_request PID METRICS_URL METRICS_TOKEN SECONDS CONNECTIONS URL HEADER: wrk on URL for SECONDS between
# two full GCs of the JVM PID; prints the bytes it allocated per request (jvm_gc_memory_allocated_bytes_total from
# METRICS_URL, exact across the forced GCs) and the requests/s.
allocation_per_request() {
    local pid=$1 metrics=$2 metrics_token=$3 seconds=$4 connections=$5 url=$6 header=$7 before after result requests
    allocated() {
        curl -fs -H "Authorization: Bearer $metrics_token" "$metrics" \
            | awk '/^jvm_gc_memory_allocated_bytes_total/ {printf "%.0f", $2}'
    }
    "$JAVA_HOME/bin/jcmd" "$pid" GC.run >/dev/null
    before=$(allocated)
    result="$(wrk -t2 -c"$connections" -d"${seconds}s" --timeout 30s -H "$header" "$url")"
    "$JAVA_HOME/bin/jcmd" "$pid" GC.run >/dev/null
    after=$(allocated)
    requests=$(awk '/requests in/ {print $1}' <<<"$result")
    echo "$(( (after - before) / requests )) $(awk '/^Requests\/sec:/ {printf "%.0f", $2}' <<<"$result")"
}

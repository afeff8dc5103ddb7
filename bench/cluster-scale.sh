#!/usr/bin/env bash
# AAClusters scale benchmark: 1,000 users x 10 clusters on the in-memory fake backend, over HTTP on loopback.
# Records GET /aaclusters and GET /aaclusters/{name} requests/s and p50/p99 with 32 clients, a full reconcile pass,
# server start time with that data, and heap after a full GC, in bench/results/cluster-scale.txt.
# Usage: bench/cluster-scale.sh [JDBC_URL]   (default: an H2 file database in a temporary directory)
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
source "$root/scripts/java-home.sh"
cd "$root"
# One reactor run, so sibling modules resolve to their fresh target/ folders rather than to ~/.m2.
mvn -B -ntp -q -pl bootstrap -am test-compile dependency:build-classpath -Dmdep.outputFile=target/bench.classpath \
    -Dmdep.includeScope=test
classpath="bootstrap/target/test-classes:bootstrap/target/classes:$(cat bootstrap/target/bench.classpath)"
exec "$JAVA_HOME/bin/java" -Xmx1g -Dh2.bindAddress=127.0.0.1 -cp "$classpath" \
    org.aapf.bootstrap.bench.ClusterScaleBenchmark bench/results/cluster-scale.txt "$@"

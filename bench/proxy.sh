#!/usr/bin/env bash
# Loopback benchmark of the notebook proxy: direct vs through AAPF (vs nginx when installed), and the memory of
# 200 open proxied WebSockets. Writes bench/results/proxy.txt. Run from anywhere; takes about a minute.
# Tunables: BENCH_OPTS="-Dbench.small=20000 -Dbench.big=300 -Dbench.concurrency=16 -Dbench.websockets=200"
set -euo pipefail
cd "$(dirname "$0")/.."
export JAVA_HOME="${JAVA_HOME:-/usr/lib/jvm/temurin-25-jdk-amd64}"
mvn -B -q -ntp -o -pl adapters-http -am compile -DskipTests
mvn -B -q -ntp -o -pl adapters-http dependency:build-classpath -Dmdep.outputFile=target/bench.classpath \
  -Dmdep.includeScope=runtime
CP="adapters-http/target/classes:application/target/classes:domain/target/classes:$(cat adapters-http/target/bench.classpath)"
# Fixed heap so the run is comparable; -Xlog off to keep the figures readable.
"$JAVA_HOME/bin/java" -Xms512m -Xmx512m ${BENCH_OPTS:-} --class-path "$CP" bench/ProxyBench.java bench/results/proxy.txt

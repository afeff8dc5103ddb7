#!/usr/bin/env bash
# Loopback benchmark of the notebook proxy: requests/s, p50/p99 of a small answer and throughput of a 1 MiB answer,
# (a) direct to a stand-in notebook, (b) through the AAPF proxy, (c) through nginx; then the WebSocket round trip (one
# socket, one message at a time) through each, and the proxy's live heap with 200 open proxied WebSockets. Writes
# bench/results/proxy.txt (or $1). Takes twelve to fifteen minutes.
#
# The small answer is measured twice: saturated (as fast as wrk can send: requests/s, and latencies that are mostly
# queueing on the 2 shared cores) and paced (each connection waits 3 ms between requests, about 5,000 requests/s for
# every target: the latency each hop adds when nobody queues).
# Needs wrk and nginx (Debian: apt-get install wrk nginx).
#
# How the comparison is kept fair:
# - One load generator for all three targets: wrk (C, event loop), 2 threads, the same keep-alive connections and
#   concurrency. An earlier version drove the load from the JVM that also hosted the upstream and the proxy, with the
#   JDK HTTP client; that client (one selector thread for all its connections) was the bottleneck, which is why nginx
#   then seemed twice as fast as "direct".
# - Every party is its own process, as deployed: the upstream (a Helidon server standing in for Jupyter), the AAPF
#   proxy as `aapf serve` runs it (its gateway on the measured port, the Helidon server behind it; a JVM with
#   the fixed heap -Xms512m -Xmx512m), nginx (2 workers, keep-alive to the upstream), wrk. The WebSockets go through
#   the gateway alone, as in production. The JVMs run compiled classes, as from the jar (not the source launcher,
#   whose javac would run first in every child and fill its JIT's queue).
# - Servers are measured warm, as a server that runs for days is: each kind of run (saturated, paced, 1 MiB) first
#   warms every target up at that load, 20, 15 or 5 s, and then 10 s more at a time while the JVMs behind the target
#   still compile (up to 120 s). Under saturation the JIT's compiler threads get little of the 2 cores: seen here,
#   the proxy's p99 went from 3.6 ms to 1.0 ms over its first minute at full load.
# - The targets are measured in 5 rounds, one run of each a round, the order rotating; a figure is the median of its
#   rounds, and the results list the rounds. The machine's drift (another process, the CPU's clock) then falls on
#   every target alike rather than on whichever ran when it happened: single runs here moved by 2x in p99.
# - Both proxies log every request: AAPF's access log with the production logging configuration
#   (bootstrap/src/main/resources/logging.properties, to the console, here a file), nginx's access_log to a file.
#   Both set X-Forwarded-For/Proto/Host. The route of the proxy id is fixed here: the database lookup behind it is
#   cached in production (ResolveNotebookRouteService) and not part of this figure.
# - The machine (2 cores) is shared: run when `uptime` shows a low load. The load average at the start is written
#   into the results.
# - Scheduling groups: by default every process is started from the benchmark's JVM, so all share one scheduling group
#   (autogroup) and compete for the 2 cores thread by thread; the saturated p99 of every target is mostly time spent
#   waiting for a core there. -Dbench.groups=own starts each process in a session, so a group, of its own, as services
#   under systemd (a cgroup each) or clients on other hosts are: the cores are then shared between processes first.
# Tunables: BENCH_OPTS="-Dbench.seconds=10 -Dbench.rounds=5 -Dbench.warmup=20 -Dbench.pacedWarmup=15
#   -Dbench.maxWarmup=120 -Dbench.jitSettledMs=50 -Dbench.concurrency=16 -Dbench.websockets=200
#   -Dbench.groups=shared|own -Dbench.proxyJvm=<extra proxy JVM options, comma-separated> -Dbench.wsMessages=20000"
set -euo pipefail
cd "$(dirname "$0")/.."
export JAVA_HOME="${JAVA_HOME:-/usr/lib/jvm/temurin-25-jdk-amd64}"
# One reactor build, so the sibling modules resolve to their target/classes (nothing is installed); then bootstrap
# for the console log handler that logging.properties names.
mvn -B -q -ntp -pl adapters-http -am compile dependency:build-classpath -DskipTests \
  -Dmdep.outputFile=target/bench.classpath -Dmdep.includeScope=test
mvn -B -q -ntp -pl bootstrap -am compile -DskipTests
CP="adapters-http/target/classes:bootstrap/target/classes:$(cat adapters-http/target/bench.classpath)"
# Compiled once here: run as a source file, every child JVM would first run javac, and its JIT would compile javac.
rm -rf adapters-http/target/bench-classes
"$JAVA_HOME/bin/javac" -d adapters-http/target/bench-classes --class-path "$CP" bench/ProxyBench.java
"$JAVA_HOME/bin/java" ${BENCH_OPTS:-} --class-path "adapters-http/target/bench-classes:$CP" ProxyBench \
  "${1:-bench/results/proxy.txt}"

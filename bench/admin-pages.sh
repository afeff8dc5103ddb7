#!/usr/bin/env bash
# Admin pages benchmark: 10,000 AAClusters (1,000 owners x 10) in H2 (in memory) and the local PostgreSQL
# (127.0.0.1:5432, database test, a throw-away schema); walks GET /admin/aaclusters's directory page by page
# (100 and 500 a page) and times the first and the last page. Figures go to bench/results/admin-pages.txt.
# Usage: bench/admin-pages.sh [h2] [postgres]   (default both; extra Maven flags in MVN_FLAGS, e.g. -o)
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
source "$root/scripts/java-home.sh"
cd "$root"
classpath="$(mktemp)"
trap 'rm -f "$classpath"' EXIT
# One reactor build: sibling modules (and the application test-jar) resolve to their target directories.
# build-classpath runs in each module; adapters-persistence comes last, so its test classpath is what remains.
mvn -B -ntp -q ${MVN_FLAGS:-} -pl adapters-persistence -am test-compile dependency:build-classpath \
    -Dmdep.includeScope=test -Dmdep.outputFile="$classpath"
module="$root/adapters-persistence"
mkdir -p "$root/bench/results"
out="$root/bench/results/admin-pages.txt"
{
    echo "# bench/admin-pages.sh $* on $(nproc) cores, $(date -u +%Y-%m-%dT%H:%MZ), $("$JAVA_HOME/bin/java" -version 2>&1 | head -n 1)"
    "$JAVA_HOME/bin/java" -Xmx1g -Dh2.bindAddress=127.0.0.1 \
        -Djava.util.logging.config.file="$module/src/test/resources/logging.properties" \
        -cp "$module/target/test-classes:$module/target/classes:$(cat "$classpath")" \
        org.aapf.adapter.out.persistence.AdminPagesBenchmark "$@"
} | tee "$out"

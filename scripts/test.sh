#!/usr/bin/env bash
# Runs every AAPF test, unit (Surefire) and integration (Failsafe), after starting what the tests need.
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
source "$root/scripts/java-home.sh"
"$root/scripts/ensure-postgres.sh"
"$root/scripts/ensure-docker.sh"
"$root/scripts/ensure-chromium.sh"
"$root/images/build-test-images.sh"
"$root/scripts/ensure-jupyter.sh"
cd "$root"
exec mvn -B -ntp verify "$@"

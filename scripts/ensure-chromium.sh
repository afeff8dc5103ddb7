#!/usr/bin/env bash
# Installs Debian's Chromium for the WebUI browser tests when /usr/bin/chromium is missing (idempotent).
set -euo pipefail
if [[ -x /usr/bin/chromium ]]; then
    exit 0
fi
export DEBIAN_FRONTEND=noninteractive
apt-get update -qq
apt-get install -y -qq --no-install-recommends chromium fonts-dejavu-core >/dev/null
/usr/bin/chromium --version

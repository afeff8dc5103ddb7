#!/usr/bin/env bash
# Makes sure a Docker engine answers on /var/run/docker.sock, installing docker.io and debootstrap from the
# machine's Debian mirror when missing. Idempotent and quiet on success; says what went wrong otherwise.
# Usage: sudo scripts/ensure-docker.sh        (root is needed to install packages and start dockerd)
set -euo pipefail

SOCKET=/var/run/docker.sock
LOG=/var/log/aapf-dockerd.log
PIDFILE=/var/run/aapf-dockerd.pid
WAIT_SECONDS=${AAPF_DOCKERD_WAIT_SECONDS:-60}

fail() { echo "ensure-docker: $*" >&2; exit 1; }

engine_answers() { DOCKER_HOST="unix://$SOCKET" docker info >/dev/null 2>&1; }

# Runs a command silently; on failure shows its output and stops.
quietly() {
    local out
    out=$(mktemp)
    if ! "$@" >"$out" 2>&1; then
        cat "$out" >&2
        rm -f "$out"
        fail "failed: $*"
    fi
    rm -f "$out"
}

apt_updated=false
apt_install() {
    if [[ $apt_updated == false ]]; then
        quietly apt-get update
        apt_updated=true
    fi
    quietly env DEBIAN_FRONTEND=noninteractive apt-get install -y --no-install-recommends "$@"
}

start_dockerd() {
    if [[ -f $PIDFILE ]] && kill -0 "$(cat "$PIDFILE")" 2>/dev/null; then
        return 0 # started earlier and still coming up
    fi
    rm -f "$PIDFILE"
    nohup dockerd --storage-driver=vfs --iptables=false --host="unix://$SOCKET" --pidfile="$PIDFILE" \
        >>"$LOG" 2>&1 </dev/null &
}

wait_for_engine() {
    local deadline=$((SECONDS + WAIT_SECONDS))
    until engine_answers; do
        ((SECONDS < deadline)) || fail "dockerd did not answer within ${WAIT_SECONDS}s; see $LOG"
        sleep 0.5
    done
}

[[ $(id -u) -eq 0 ]] || fail "must run as root"
command -v debootstrap >/dev/null || apt_install debootstrap
if ! engine_answers; then
    command -v dockerd >/dev/null || apt_install docker.io
    command -v docker >/dev/null || fail "docker.io installed no docker client"
    start_dockerd
    wait_for_engine
fi

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

# overlay2 shares image layers between containers (a notebook starts in about a second); vfs copies the whole
# image per container and is only the fallback for kernels or file systems that refuse overlay.
STORAGE_DRIVER=${AAPF_DOCKER_STORAGE_DRIVER:-overlay2}

start_dockerd() {
    local driver=$1
    if [[ -f $PIDFILE ]] && kill -0 "$(cat "$PIDFILE")" 2>/dev/null; then
        return 0 # started earlier and still coming up
    fi
    rm -f "$PIDFILE"
    nohup dockerd --storage-driver="$driver" --iptables=false --host="unix://$SOCKET" --pidfile="$PIDFILE" \
        >>"$LOG" 2>&1 </dev/null &
    echo $! >"$PIDFILE.launch"
}

# Waits for the engine; returns 1 early when the dockerd just launched has exited (e.g. a refused driver).
wait_for_engine() {
    local deadline=$((SECONDS + WAIT_SECONDS)) launched
    launched=$(cat "$PIDFILE.launch" 2>/dev/null || true)
    until engine_answers; do
        if [[ -n $launched ]] && ! kill -0 "$launched" 2>/dev/null; then
            return 1
        fi
        ((SECONDS < deadline)) || fail "dockerd did not answer within ${WAIT_SECONDS}s; see $LOG"
        sleep 0.5
    done
}

[[ $(id -u) -eq 0 ]] || fail "must run as root"
command -v debootstrap >/dev/null || apt_install debootstrap
if ! engine_answers; then
    command -v dockerd >/dev/null || apt_install docker.io
    command -v docker >/dev/null || fail "docker.io installed no docker client"
    start_dockerd "$STORAGE_DRIVER"
    if ! wait_for_engine; then
        [[ $STORAGE_DRIVER != vfs ]] || fail "dockerd exited at start; see $LOG"
        echo "ensure-docker: dockerd refused the $STORAGE_DRIVER storage driver (see $LOG); falling back to vfs," \
            "which copies each image per container (slow starts)" >&2
        start_dockerd vfs
        wait_for_engine || fail "dockerd exited at start; see $LOG"
    fi
    rm -f "$PIDFILE.launch"
fi

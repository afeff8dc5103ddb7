#!/usr/bin/env bash
# What `./aapf serve` checks before it starts, so that the first command on a fresh machine leads to a working
# notebook: a Docker engine that answers, and the default catalogue's images. Missing pieces are made once by the
# scripts the tests use (scripts/ensure-docker.sh, images/build-test-images.sh), with a line saying what happens
# and how long it took; when they cannot be made (no root, another engine address, the Kubernetes backend) it says
# what to do and lets the server start anyway. A second run only asks the engine two questions (well under a second).
# Skipped entirely with AAPF_FIRST_RUN=skip. Usage: scripts/first-run.sh   (called by ./aapf serve)
set -uo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
IMAGES=("jupyter-notebook aapf/jupyter-notebook:6.4" "spark aapf/spark:3.5")
DEFAULT_SOCKET=unix:///var/run/docker.sock

say() { echo "aapf: $*" >&2; }

[[ ${AAPF_FIRST_RUN:-} == skip ]] && exit 0
if [[ ${AAPF_BACKEND:-docker} != docker ]]; then
    exit 0 # Kubernetes: the cluster's registry provides the images; 'aapf doctor' checks them
fi

# Root runs the setup scripts itself; others through sudo when it needs no password.
as_root=()
if [[ $(id -u) -ne 0 ]]; then
    if sudo -n true 2>/dev/null; then
        as_root=(sudo -n)
    else
        as_root=()
        no_root=true
    fi
fi
run_as_root() {
    if [[ ${no_root:-false} == true ]]; then
        return 1
    fi
    "${as_root[@]}" "$@"
}

engine_answers() { docker info >/dev/null 2>&1; }

if ! command -v docker >/dev/null 2>&1 || ! engine_answers; then
    if [[ -n ${DOCKER_HOST:-} && ${DOCKER_HOST} != "$DEFAULT_SOCKET" ]]; then
        say "no Docker engine answers at DOCKER_HOST=$DOCKER_HOST; start it there (AAPF starts anyway; creating"
        say "a cluster fails until it answers; 'aapf doctor' checks again)."
        exit 0
    fi
    say "no Docker engine answers on /var/run/docker.sock: starting one with scripts/ensure-docker.sh" \
        "(installs docker.io when missing; first run only)..."
    started=$SECONDS
    if ! run_as_root "$root/scripts/ensure-docker.sh"; then
        say "could not start the Docker engine (it needs root: run 'sudo scripts/ensure-docker.sh', or start"
        say "Docker yourself and make sure this user may use its socket, e.g. is in the 'docker' group)."
        say "AAPF starts anyway; creating a cluster fails until an engine answers ('aapf doctor' checks)."
        exit 0
    fi
    say "Docker engine running ($((SECONDS - started))s)."
    if ! engine_answers; then
        say "the engine runs but this user may not use /var/run/docker.sock: add it to the 'docker' group."
        exit 0
    fi
fi

missing=()
for entry in "${IMAGES[@]}"; do
    read -r name reference <<<"$entry"
    docker image inspect "$reference" >/dev/null 2>&1 || missing+=("$name $reference")
done
for entry in "${missing[@]}"; do
    read -r name reference <<<"$entry"
    say "building the default image $reference once (images/build-test-images.sh $name; a few minutes on a" \
        "fresh machine, seconds when its cache exists)..."
    started=$SECONDS
    if run_as_root "$root/images/build-test-images.sh" "$name"; then
        say "image $reference ready ($((SECONDS - started))s)."
    else
        say "could not build $reference (it needs root: run 'sudo images/build-test-images.sh $name');"
        say "clusters using it fail until it exists ('aapf doctor' checks)."
    fi
done
exit 0

#!/usr/bin/env bash
# Builds, only when missing, the images AAPF's tests and default catalogue use, without any image registry:
#   aapf/testbox:1              FROM scratch + Debian's static busybox (fast backend tests)
#   aapf/jupyter-notebook:6.4   debootstrap'ed Debian bookworm + jupyter-notebook, user jovyan (uid 1000)
#   aapf/spark:3.5              Apache Spark 3.5 from Maven Central on a jlink'ed JRE (images/build-spark-image.sh)
# The notebook root filesystem is cached as a tarball under $AAPF_IMAGE_CACHE (default /var/cache/aapf-images),
# so a machine that lost its engine's images re-imports it in seconds. Needs root and a running engine
# (scripts/ensure-docker.sh). Quiet on success; prints the time spent on each image it built.
# Usage: images/build-test-images.sh [testbox|jupyter-notebook|spark]...   (default: all three)
set -euo pipefail

HERE=$(cd "$(dirname "$0")" && pwd)
CACHE=${AAPF_IMAGE_CACHE:-/var/cache/aapf-images}
TESTBOX=aapf/testbox:1
NOTEBOOK=aapf/jupyter-notebook:6.4
SPARK=aapf/spark:3.5
NOTEBOOK_PACKAGES=jupyter-notebook,python3-ipykernel,python3-cffi-backend,libboost-regex1.74.0

fail() { echo "build-test-images: $*" >&2; exit 1; }

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

have_image() { docker image inspect "$1" >/dev/null 2>&1; }

# Builds an image and says how long it took: the one line printed on success.
timed_build() {
    local image=$1 started=$SECONDS
    "$2"
    echo "build-test-images: built $image in $((SECONDS - started))s"
}

# The Debian mirror apt uses here (deb822 or one-line sources), so debootstrap needs no other network access.
debian_mirror() {
    local uri
    uri=$(cat /etc/apt/sources.list /etc/apt/sources.list.d/*.list /etc/apt/sources.list.d/*.sources 2>/dev/null \
        | grep -oE '(https?|file)://[^ ]*/debian/?( |$)' | grep -v security | head -n1 | tr -d ' ' || true)
    echo "${uri:-http://deb.debian.org/debian}"
}

build_testbox() {
    local context
    context=$(mktemp -d)
    cp "$HERE/testbox/Dockerfile" "$context/"
    if [[ -x /bin/busybox ]] && /bin/busybox --list 2>/dev/null | grep -qx httpd && ! ldd /bin/busybox >/dev/null 2>&1; then
        cp /bin/busybox "$context/busybox"
    else
        (cd "$context" && quietly apt-get download busybox-static)
        quietly dpkg-deb -x "$context"/busybox-static_*.deb "$context/deb"
        cp "$context/deb/bin/busybox" "$context/busybox"
    fi
    DOCKER_BUILDKIT=0 quietly docker build --quiet --tag "$TESTBOX" "$context"
    rm -rf "$context"
}

notebook_rootfs_tarball() {
    local tarball=$CACHE/jupyter-notebook-6.4-rootfs.tar rootfs=$CACHE/jupyter-notebook-rootfs
    [[ -s $tarball ]] && { echo "$tarball"; return; }
    command -v debootstrap >/dev/null || fail "debootstrap is missing; run scripts/ensure-docker.sh first"
    mkdir -p "$CACHE"
    rm -rf "$rootfs"
    quietly debootstrap --variant=minbase --include="$NOTEBOOK_PACKAGES" bookworm "$rootfs" "$(debian_mirror)"
    quietly chroot "$rootfs" useradd --create-home --uid 1000 --shell /bin/bash jovyan
    rm -rf "$rootfs"/var/cache/apt/* "$rootfs"/var/lib/apt/lists/* "$rootfs"/usr/share/doc/* \
        "$rootfs"/usr/share/man/* "$rootfs"/usr/share/info/* "$rootfs"/usr/share/locale/*
    tar --numeric-owner -C "$rootfs" -cf "$tarball.tmp" .
    mv "$tarball.tmp" "$tarball"
    rm -rf "$rootfs"
    echo "$tarball"
}

build_notebook() {
    local tarball
    tarball=$(notebook_rootfs_tarball)
    quietly docker import \
        --change 'USER 1000' \
        --change 'WORKDIR /home/jovyan' \
        --change 'ENV HOME=/home/jovyan SHELL=/bin/bash LANG=C.UTF-8' \
        --change 'EXPOSE 8888' \
        --change 'CMD ["jupyter-notebook", "--ip=0.0.0.0", "--port=8888", "--no-browser"]' \
        "$tarball" "$NOTEBOOK"
}

[[ $(id -u) -eq 0 ]] || fail "must run as root"
docker info >/dev/null 2>&1 || fail "no Docker engine answers; run scripts/ensure-docker.sh first"
for wanted in "${@:-testbox jupyter-notebook spark}"; do
    for image in $wanted; do
        case $image in
            testbox) have_image "$TESTBOX" || timed_build "$TESTBOX" build_testbox ;;
            jupyter-notebook) have_image "$NOTEBOOK" || timed_build "$NOTEBOOK" build_notebook ;;
            spark) have_image "$SPARK" || "$HERE/build-spark-image.sh" ;;
            *) fail "unknown image '$image' (known: testbox, jupyter-notebook, spark)" ;;
        esac
    done
done

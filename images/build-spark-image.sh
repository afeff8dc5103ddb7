#!/usr/bin/env bash
# Builds aapf/spark:<version> without any image registry: Apache Spark's jars from Maven Central (images/spark, a
# Maven project importing spark-parent as a BOM), a jlink'ed Java 17 runtime with the host's glibc, libstdc++,
# libgcc_s and libz, Debian's static busybox for a shell, user spark (uid 1000). The root filesystem is cached as
# a tarball under $AAPF_IMAGE_CACHE (default /var/cache/aapf-images), so a lost image is re-imported in seconds.
# Needs root (apt-get download, docker) and a running engine (scripts/ensure-docker.sh); Maven and a JDK 17 with
# jmods (openjdk-17-jmods is installed when missing). Prints the time spent and the image size on success.
# Usage: images/build-spark-image.sh [--force]
set -euo pipefail

HERE=$(cd "$(dirname "$0")" && pwd)
CACHE=${AAPF_IMAGE_CACHE:-/var/cache/aapf-images}
SPARK_VERSION=3.5.7
IMAGE=aapf/spark:3.5
TARBALL=$CACHE/spark-$SPARK_VERSION-rootfs.tar
JDK17=${AAPF_SPARK_JDK:-/usr/lib/jvm/java-17-openjdk-amd64}
JRE_MODULES=java.base,java.compiler,java.datatransfer,java.desktop,java.instrument,java.logging,java.management,\
java.management.rmi,java.naming,java.net.http,java.prefs,java.rmi,java.scripting,java.security.jgss,\
java.security.sasl,java.sql,java.sql.rowset,java.transaction.xa,java.xml,java.xml.crypto,jdk.crypto.cryptoki,\
jdk.crypto.ec,jdk.management,jdk.naming.dns,jdk.net,jdk.security.auth,jdk.security.jgss,jdk.unsupported,jdk.zipfs

fail() { echo "build-spark-image: $*" >&2; exit 1; }

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

ensure_jmods() {
    [[ -x $JDK17/bin/jlink ]] || fail "no JDK 17 at $JDK17 (set AAPF_SPARK_JDK)"
    if [[ ! -f $JDK17/jmods/java.base.jmod ]]; then
        quietly apt-get update
        quietly env DEBIAN_FRONTEND=noninteractive apt-get install -y --no-install-recommends openjdk-17-jmods
    fi
}

spark_jars() {
    quietly env JAVA_HOME="$JDK17" mvn -B -ntp -q -f "$HERE/spark/pom.xml" package
}

# Copies every shared library the runtime needs, at the path the loader looks for it (merged /usr).
host_libraries() {
    local rootfs=$1 lib
    mkdir -p "$rootfs/usr/lib/x86_64-linux-gnu" "$rootfs/usr/lib64"
    ln -s usr/lib "$rootfs/lib"
    ln -s usr/lib64 "$rootfs/lib64"
    find "$rootfs/opt/java" -type f \( -name '*.so' -o -path '*/bin/*' \) -exec ldd {} + 2>/dev/null \
        | grep -oE '/[^ ]+\.so[^ ]*' | grep -v "^$rootfs" | sort -u | while read -r lib; do
            cp -L "$lib" "$rootfs/usr/lib/x86_64-linux-gnu/$(basename "$lib")"
        done
    mv "$rootfs/usr/lib/x86_64-linux-gnu/ld-linux-x86-64.so.2" "$rootfs/usr/lib64/"
}

static_busybox() {
    local rootfs=$1 work
    work=$(mktemp -d)
    (cd "$work" && quietly apt-get download busybox-static)
    quietly dpkg-deb -x "$work"/busybox-static_*.deb "$work/deb"
    mkdir -p "$rootfs/bin" "$rootfs/usr/bin" "$rootfs/sbin" "$rootfs/usr/sbin"
    cp "$work/deb/bin/busybox" "$rootfs/bin/busybox"
    chroot "$rootfs" /bin/busybox --install -s
    rm -rf "$work"
}

system_files() {
    local rootfs=$1
    mkdir -p "$rootfs/etc" "$rootfs/tmp" "$rootfs/home/spark"
    chmod 1777 "$rootfs/tmp"
    printf 'root:x:0:0:root:/root:/bin/sh\nspark:x:1000:1000:Spark:/home/spark:/bin/sh\n' >"$rootfs/etc/passwd"
    printf 'root:x:0:\nspark:x:1000:\n' >"$rootfs/etc/group"
    printf 'hosts: files dns\n' >"$rootfs/etc/nsswitch.conf"
    chown 1000:1000 "$rootfs/home/spark"
}

spark_home() {
    local rootfs=$1 spark=$1/opt/spark
    mkdir -p "$spark/jars" "$spark/examples/jars" "$spark/bin" "$spark/conf" "$spark/work"
    cp "$HERE"/spark/target/spark-jars/*.jar "$spark/jars/"
    cp "$HERE/spark/target/aapf-spark-examples.jar" "$spark/examples/jars/"
    cp "$HERE"/spark/bin/* "$spark/bin/"
    # Spark's launcher finds $SPARK_HOME/jars (not a build tree) when RELEASE exists.
    echo "Spark $SPARK_VERSION (Scala 2.13) from Maven Central, assembled by AAPF" >"$spark/RELEASE"
    chown 1000:1000 "$spark/work"
}

build_rootfs() {
    local rootfs=$CACHE/spark-rootfs
    ensure_jmods
    spark_jars
    mkdir -p "$CACHE"
    rm -rf "$rootfs"
    mkdir -p "$rootfs/opt"
    quietly "$JDK17/bin/jlink" --module-path "$JDK17/jmods" --add-modules "$JRE_MODULES" --output "$rootfs/opt/java" \
        --strip-debug --no-man-pages --no-header-files --compress=2
    host_libraries "$rootfs"
    static_busybox "$rootfs"
    system_files "$rootfs"
    spark_home "$rootfs"
    tar --numeric-owner -C "$rootfs" -cf "$TARBALL.tmp" .
    mv "$TARBALL.tmp" "$TARBALL"
    rm -rf "$rootfs"
}

import_image() {
    quietly docker import \
        --change 'USER 1000' \
        --change 'WORKDIR /opt/spark/work' \
        --change 'ENV PATH=/opt/spark/bin:/opt/java/bin:/bin:/usr/bin:/sbin:/usr/sbin JAVA_HOME=/opt/java SPARK_HOME=/opt/spark SPARK_SCALA_VERSION=2.13 HOME=/home/spark LANG=C.UTF-8' \
        --change 'EXPOSE 7077 8080 8081' \
        --change 'CMD ["spark-class", "org.apache.spark.deploy.master.Master", "--host", "0.0.0.0"]' \
        "$TARBALL" "$IMAGE"
}

[[ $(id -u) -eq 0 ]] || fail "must run as root"
docker info >/dev/null 2>&1 || fail "no Docker engine answers; run scripts/ensure-docker.sh first"
started=$SECONDS
[[ ${1:-} == --force ]] && rm -f "$TARBALL"
[[ -s $TARBALL ]] || build_rootfs
import_image
size=$(docker image inspect --format '{{.Size}}' "$IMAGE")
echo "build-spark-image: built $IMAGE in $((SECONDS - started))s ($((size / 1000000)) MB)"

# Sourced by the scripts: points JAVA_HOME at a JDK 21 or newer (the machine's default java may be 17).
java_major() { "$1/bin/java" -XshowSettings:properties -version 2>&1 | sed -n 's/^ *java.specification.version = //p'; }
if [[ -z ${JAVA_HOME:-} || ! -x ${JAVA_HOME}/bin/java || $(java_major "$JAVA_HOME") -lt 21 ]]; then
    for candidate in /usr/lib/jvm/temurin-25-jdk-amd64 /usr/lib/jvm/temurin-21-jdk-amd64 /usr/lib/jvm/*; do
        if [[ -x $candidate/bin/javac && $(java_major "$candidate") -ge 21 ]]; then
            export JAVA_HOME="$candidate"
            break
        fi
    done
fi
if [[ -z ${JAVA_HOME:-} || $(java_major "$JAVA_HOME") -lt 21 ]]; then
    echo "AAPF needs a JDK 21 or newer; set JAVA_HOME to one." >&2
    exit 1
fi
export PATH="$JAVA_HOME/bin:$PATH"

# The AAPF server image, for Kubernetes (deploy/kubernetes/) or a Docker host with a registry.
# Build the jar first: ./aapf --help (or mvn -B -ntp -DskipTests -pl bootstrap -am package), then:
#   docker build -t aapf/aapf-server:0.1.0 .
# JRE_IMAGE may name another Java 22+ runtime image with /bin/sh and `java` on the PATH (a mirror of Temurin's, say):
#   docker build --build-arg JRE_IMAGE=registry.example/eclipse-temurin:25-jre -t ... .
# The server runs with the launcher's JVM options (scripts/jvm.options: small heap, serial collector), the C heap
# trimmed every 2 s (JDK 22 and later) and two malloc arenas, as ./aapf runs it. Flags in AAPF_JAVA_OPTS come after
# them and win, e.g. AAPF_JAVA_OPTS=-Xmx256m.
ARG JRE_IMAGE=eclipse-temurin:25-jre
FROM ${JRE_IMAGE}
# uid 1000 without a user of our own: Ubuntu 24.04 images (Temurin's since 2024) already name it 'ubuntu'.
RUN mkdir -p /opt/aapf /home/aapf && chown 1000:1000 /home/aapf
COPY scripts/jvm.options /opt/aapf/jvm.options
COPY bootstrap/target/aapf.jar /opt/aapf/aapf.jar
ENV HOME=/home/aapf MALLOC_ARENA_MAX=2
USER 1000:1000
WORKDIR /home/aapf
EXPOSE 3000
ENTRYPOINT ["/bin/sh", "-c", "exec java @/opt/aapf/jvm.options -XX:TrimNativeHeapInterval=2000 -Dh2.bindAddress=127.0.0.1 $AAPF_JAVA_OPTS -jar /opt/aapf/aapf.jar \"$@\"", "aapf"]
CMD ["serve"]

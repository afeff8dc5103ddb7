# The AAPF server image, for Kubernetes (deploy/kubernetes/) or a Docker host with a registry.
# Build the jar first: ./aapf --help (or mvn -B -ntp -DskipTests -pl bootstrap -am package), then:
#   docker build -t aapf/aapf-server:0.1.0 .
FROM eclipse-temurin:21-jre
RUN useradd --uid 1000 --create-home aapf
COPY bootstrap/target/aapf.jar /opt/aapf/aapf.jar
USER 1000
WORKDIR /home/aapf
EXPOSE 3000
ENTRYPOINT ["java", "-Dh2.bindAddress=127.0.0.1", "-jar", "/opt/aapf/aapf.jar"]
CMD ["serve"]

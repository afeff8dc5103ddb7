package org.aapf.bootstrap.ops;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.aapf.bootstrap.support.Api;
import org.aapf.bootstrap.support.Docker;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The repository's {@code Dockerfile}, built and run on the real engine: the image Kubernetes deployments use. No
 * registry is reachable here, so {@code JRE_IMAGE} names a stand-in for Temurin's: Debian (the notebook image's root
 * file system, where uid 1000 is taken, as in Ubuntu 24.04's images) with this JDK mounted where Temurin keeps its own.
 */
class ServerImageIT {

    private static final String BASE = "aapf/jupyter-notebook:6.4";
    private static final Path REPOSITORY = Path.of("").toAbsolutePath().getParent();
    private static final Duration START = Duration.ofSeconds(90);

    @TempDir
    Path dir;

    private final String suffix = UUID.randomUUID().toString().substring(0, 8);
    private final String jreImage = "aapf-test/jre:" + suffix;
    private final String serverImage = "aapf-test/server:" + suffix;
    private final List<String> containers = new ArrayList<>();

    @BeforeEach
    void buildImages() throws Exception {
        Docker.requireEngineAndImage(BASE);
        Files.writeString(dir.resolve("Dockerfile"), """
                FROM %s
                USER root
                ENV JAVA_HOME=/opt/java/openjdk \
                    PATH=/opt/java/openjdk/bin:/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin
                """.formatted(BASE));
        Docker.build(jreImage, dir);
        Docker.build(serverImage, REPOSITORY, "--build-arg", "JRE_IMAGE=" + jreImage);
    }

    @AfterEach
    void removeContainersAndImages() throws Exception {
        for (String id : containers) {
            Docker.remove(id);
        }
        Docker.exec("docker", "image", "rm", "-f", serverImage, jreImage);
    }

    @Test
    void theImage_servesAsUid1000_withTheLaunchersJvmOptions_andAapfJavaOptsWin() throws Exception {
        int port = AapfProcess.freePort();
        String id = Docker.exec("docker", "run", "-d", "-p", "127.0.0.1:" + port + ":3000",
                "-v", System.getProperty("java.home") + ":/opt/java/openjdk:ro",
                "-e", "AAPF_JAVA_OPTS=-Xmx128m", serverImage).strip();
        containers.add(id);
        awaitLive(id, "http://127.0.0.1:" + port + "/health/live");

        assertEquals("1000", Docker.exec("docker", "exec", id, "id", "-u").strip());
        assertEquals("2", Docker.exec("docker", "exec", id, "printenv", "MALLOC_ARENA_MAX").strip());
        String flags = Docker.exec("docker", "exec", id, "jcmd", "1", "VM.flags");
        for (String flag : List.of("-XX:+UseSerialGC", "-XX:ReservedCodeCacheSize=67108864",
                "-XX:MaxDirectMemorySize=67108864", "-XX:TrimNativeHeapInterval=2000",
                "-XX:MaxHeapSize=134217728")) {
            assertTrue(flags.contains(flag), flag + " is not among the server's flags: " + flags);
        }

        // the README's `kubectl exec deploy/aapf -- java -jar /opt/aapf/aapf.jar users add ...`, beside the server
        Docker.exec("docker", "exec", id, "java", "-jar", "/opt/aapf/aapf.jar", "users", "add", "user1",
                "--password", "user1pass");
        Api api = new Api("http://127.0.0.1:" + port);
        String token = api.login("user1", "user1pass").text("accessToken");
        Api.Reply clusters = api.get("/api/v1/aaclusters", token);
        assertEquals(200, clusters.status());
        assertEquals("{\"aaclusters\":[]}", clusters.body().toString());
    }

    private static void awaitLive(String container, String url) throws IOException, InterruptedException {
        HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
        long deadline = System.nanoTime() + START.toNanos();
        while (System.nanoTime() < deadline) {
            try {
                HttpResponse<Void> live = http.send(HttpRequest.newBuilder(URI.create(url))
                        .timeout(Duration.ofSeconds(2)).build(), HttpResponse.BodyHandlers.discarding());
                if (live.statusCode() == 200) {
                    return;
                }
            } catch (IOException notYet) {
                // the port is published before the server listens
            }
            if (!Docker.inspect(container, "{{.State.Running}}").equals("true")) {
                throw new AssertionError("the server container stopped: "
                        + Docker.exec("docker", "logs", container));
            }
            Thread.sleep(250);
        }
        throw new AssertionError("the server did not answer " + url + " within " + START + ": "
                + Docker.exec("docker", "logs", container));
    }
}

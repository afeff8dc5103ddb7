package org.aapf.bootstrap.ops;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.aapf.adapter.out.persistence.Database;
import org.aapf.adapter.out.persistence.DatabaseSettings;
import org.aapf.bootstrap.cli.AapfCommand;
import org.aapf.bootstrap.support.Api;
import org.aapf.bootstrap.support.Docker;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * SIGTERM to a real {@code aapf serve} process on the real Docker engine: it stops cleanly (lease released, exit code
 * 0), and a cluster accepted just before is finished by the next start.
 */
class GracefulShutdownIT {

    static final String TESTBOX_CATALOGUE = """
            images:
              - repositoryName: testbox
                displayName: Testbox
                reference: aapf/testbox:1
                launch:
                  command: [sh, -c, "mkdir -p /tmp/www{baseUrl}/api && echo ok > /tmp/www{baseUrl}/api/index.html \
            && exec httpd -f -p {port} -h /tmp/www"]
                  httpPort: 8080
                  healthPath: "{baseUrl}/api/"
            perfTypes:
              - name: small
                displayName: Small
                resources: {cpu: 0.5, memory: 64}
            """;
    private static final String CREATE = """
            { "jupyterNotebook": { "image": { "repositoryName": "testbox" }, "perfType": "small" } }""";
    private static final Duration START = Duration.ofSeconds(120);

    @TempDir
    Path dir;

    private final String serverId = "shut-" + UUID.randomUUID().toString().substring(0, 8);
    private Map<String, String> environment;
    private Api api;

    @BeforeEach
    void configure() throws Exception {
        Docker.requireEngineAndImage("aapf/testbox:1");
        Path catalogue = Files.writeString(dir.resolve("catalogue.yaml"), TESTBOX_CATALOGUE);
        Path config = Files.writeString(dir.resolve("aapf.yaml"), "dataDir: " + dir.resolve("data") + "\n");
        assertEquals(0, AapfCommand.commandLine().execute("users", "add", "user1", "--password", "user1pass",
                "--config", config.toString()));
        int port = AapfProcess.freePort();
        environment = Map.of("AAPF_CONFIG", config.toString(), "AAPF_HOST", "127.0.0.1", "AAPF_PORT",
                Integer.toString(port), "AAPF_SERVER_ID", serverId, "AAPF_BACKEND", "docker", "AAPF_CATALOGUE",
                catalogue.toString(), "AAPF_SHUTDOWN_GRACE_PERIOD", "PT5S");
        api = new Api("http://127.0.0.1:" + port);
    }

    @AfterEach
    void removeContainers() throws Exception {
        Docker.removeEverythingLabelled("org.aapf.server=" + serverId);
    }

    @Test
    void sigterm_stopsCleanly_andTheNextStartFinishesAClusterAcceptedJustBefore() throws Exception {
        try (AapfProcess first = AapfProcess.start(dir, environment, "serve")) {
            first.awaitLog("AAPF listening", START);
            String token = api.login("user1", "user1pass").text("accessToken");
            assertEquals(202, api.post("/api/v1/aaclusters/late", token, CREATE).status());

            int exit = first.terminate(Duration.ofSeconds(60));

            String log = first.stderr();
            assertEquals(0, exit, log);
            List.of("AAPF stopping", "Released the reconciler lease", "AAPF stopped in").forEach(line ->
                    assertTrue(log.contains(line), () -> "no '" + line + "' in:\n" + log));
        }
        assertStoredAfterShutdown();

        try (AapfProcess second = AapfProcess.start(dir, environment, "serve")) {
            second.awaitLog("AAPF listening", START);
            String token = api.login("user1", "user1pass").text("accessToken");
            awaitStatus(token, "late", "created", Duration.ofMinutes(2));
            assertEquals(202, api.delete("/api/v1/aaclusters/late", token).status());
            awaitStatus(token, "late", null, Duration.ofMinutes(1));
            assertEquals(0, second.terminate(Duration.ofSeconds(60)));
        }
    }

    /** The lease is free (no wait for its expiry on the next start) and the accepted cluster is in the database. */
    private void assertStoredAfterShutdown() {
        try (Database database = Database.open(DatabaseSettings.h2File(dir.resolve("data")))) {
            database.jdbi().useHandle(handle -> {
                assertNull(handle.createQuery("SELECT holder FROM reconciler_lease").mapTo(String.class).one());
                assertEquals(List.of("late"), handle.createQuery("SELECT name FROM clusters").mapTo(String.class)
                        .list());
            });
        }
    }

    private void awaitStatus(String token, String name, String status, Duration timeout) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (true) {
            Api.Reply reply = api.get("/api/v1/aaclusters/" + name, token);
            boolean reached = status == null ? reply.status() == 404
                    : status.equals(reply.body().path("aacluster").path("status").asText());
            if (reached) {
                return;
            }
            assertTrue(System.nanoTime() < deadline, () -> name + " did not become " + status + ": "
                    + reply.raw().body());
            Thread.sleep(500);
        }
    }
}

package org.aapf.bootstrap;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Clock;
import java.time.Duration;
import java.util.Map;
import org.aapf.application.testing.FakeClusterBackend;
import org.aapf.bootstrap.support.Api;
import org.aapf.bootstrap.support.ServersOnPostgres;
import org.aapf.bootstrap.support.TestServer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Two servers on one PostgreSQL schema and one backend, resyncing only every ten minutes: a change accepted by the
 * server that does not hold the reconciler lease is carried out by the holder at once, because the accepting server
 * signals it through the database.
 */
class ChangeSignalsPostgresIT {

    private static final String NOTEBOOK = """
            {"jupyterNotebook":{"image":{"repositoryName":"aa_jupyter_notebook"},"perfType":"small"}}""";
    private static final String SLOW_RESYNC = """
            clusters:
              resyncInterval: PT10M
            """;

    private static ServersOnPostgres servers;
    private static TestServer first;
    private static TestServer second;

    @BeforeAll
    static void start() throws InterruptedException {
        FakeClusterBackend backend = new FakeClusterBackend(Clock.systemUTC());
        servers = ServersOnPostgres.start(2, Map.of(), env -> TestServer.start(env, SLOW_RESYNC, backend));
        first = servers.server(0);
        second = servers.server(1);
        first.addUser("user1", "user1pass");
        awaitTrue(() -> leads(first) || leads(second), "one server holds the lease");
    }

    @AfterAll
    static void stop() {
        servers.close();
    }

    @Test
    void createAndDeleteThroughTheStandby_areCarriedOutAtOnce() throws InterruptedException {
        TestServer standby = leads(first) ? second : first;
        Api api = standby.api();
        String token = api.login("user1", "user1pass").text("accessToken");

        long asked = System.nanoTime();
        assertEquals(202, api.post("/api/v1/aaclusters/signalled", token, NOTEBOOK).status());
        awaitTrue(() -> "created".equals(api.get("/api/v1/aaclusters/signalled", token).body()
                .path("aacluster").path("status").asText()), "the holder created it");
        Duration took = Duration.ofNanos(System.nanoTime() - asked);
        assertTrue(took.compareTo(Duration.ofSeconds(10)) < 0, "well before the next resync: " + took);

        assertEquals(202, api.delete("/api/v1/aaclusters/signalled", token).status());
        awaitTrue(() -> api.get("/api/v1/aaclusters/signalled", token).status() == 404, "the holder deleted it");
    }

    private static boolean leads(TestServer server) {
        return server.server().component().reconciler().lastPass().map(pass -> pass.leader()).orElse(false);
    }

    private static void awaitTrue(java.util.function.BooleanSupplier condition, String what)
            throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
        while (!condition.getAsBoolean()) {
            assertTrue(System.nanoTime() < deadline, what + " within 10 s");
            Thread.sleep(20);
        }
    }
}

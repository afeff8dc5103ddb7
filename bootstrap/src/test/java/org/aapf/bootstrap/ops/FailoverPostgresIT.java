package org.aapf.bootstrap.ops;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;
import org.aapf.adapter.out.persistence.TestDatabase;
import org.aapf.adapter.out.persistence.TestDatabases;
import org.aapf.bootstrap.cli.AapfCommand;
import org.aapf.bootstrap.support.Api;
import org.aapf.bootstrap.support.Docker;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Three real {@code aapf serve} processes with the default settings on one PostgreSQL schema and the Docker engine
 * (the light testbox image): the lease holder gets SIGKILL, then the next holder SIGSTOP and, once the last server
 * took over, SIGCONT. Each time another server takes the lease, a cluster created through a survivor during the gap
 * becomes {@code created}, every request to the survivors answers, the thawed server stands by, and the engine holds
 * one container per instance, none created twice, none without a cluster. The fail-over test with the real notebook
 * image and the figures (time to take-over, create to {@code created}) is {@code bench/failover.sh}.
 */
class FailoverPostgresIT {

    private static final String CREATE = """
            { "jupyterNotebook": { "image": { "repositoryName": "testbox" }, "perfType": "small" } }""";
    /** Generous bounds on waits, not speed goals: those are measured by bench/failover.sh. */
    private static final Duration START = Duration.ofMinutes(3);
    private static final Duration TAKEOVER = Duration.ofSeconds(60);
    private static final Duration CREATED = Duration.ofMinutes(2);

    @TempDir
    Path dir;

    private final String serverId = "failover-" + UUID.randomUUID().toString().substring(0, 8);
    private final List<AapfProcess> servers = new ArrayList<>();
    private final List<Api> apis = new ArrayList<>();
    private final Instant began = Instant.now();
    private TestDatabase database;
    private String token;

    @BeforeEach
    void startThreeServers() throws Exception {
        Docker.requireEngineAndImage("aapf/testbox:1");
        database = TestDatabases.postgres();
        Path catalogue = Files.writeString(dir.resolve("catalogue.yaml"), GracefulShutdownIT.TESTBOX_CATALOGUE);
        Path config = Files.writeString(dir.resolve("aapf.yaml"), "dataDir: " + dir.resolve("data") + "\ndatabase:\n"
                + "  url: \"" + database.settings().jdbcUrl() + "\"\n  user: " + database.settings().user() + "\n");
        assertEquals(0, AapfCommand.commandLine().execute("users", "add", "user1", "--password", "user1pass",
                "--config", config.toString()));
        for (int i = 0; i < 3; i++) {
            int port = AapfProcess.freePort();
            Map<String, String> environment = new HashMap<>(Map.of("AAPF_CONFIG", config.toString(), "AAPF_HOST",
                    "127.0.0.1", "AAPF_PORT", Integer.toString(port), "AAPF_SERVER_ID", serverId, "AAPF_BACKEND",
                    "docker", "AAPF_CATALOGUE", catalogue.toString()));
            environment.put("AAPF_DATA_DIR", Files.createDirectories(dir.resolve("data-" + i)).toString());
            servers.add(AapfProcess.start(dir, environment, "serve"));
            apis.add(new Api("http://127.0.0.1:" + port));
        }
        for (AapfProcess server : servers) {
            server.awaitLog("AAPF listening", START);
        }
        token = apis.getFirst().login("user1", "user1pass").text("accessToken");
    }

    @AfterEach
    void stopEverything() throws Exception {
        try {
            for (AapfProcess server : servers) {
                server.close();
            }
            Docker.removeEverythingLabelled("org.aapf.server=" + serverId);
        } finally {
            if (database != null) {
                database.close();
            }
        }
    }

    @Test
    void killedThenFrozenHolder_anotherTakesOver_theGapsCreatesComplete_nothingIsDuplicatedOrLost()
            throws Exception {
        for (int i = 0; i < 3; i++) {
            assertEquals(202, apis.get(i).post("/api/v1/aaclusters/c" + i, token, CREATE).status());
        }
        for (int i = 0; i < 3; i++) {
            awaitCreated(List.of(0, 1, 2), "c" + i);
        }

        int killed = awaitHolder(Set.of());
        servers.get(killed).kill();
        int frozen = takeOver(killed, Set.of(killed), "gap-kill");

        servers.get(frozen).signal("STOP");
        int last = takeOver(frozen, Set.of(killed, frozen), "gap-freeze");
        long epoch = epoch();
        servers.get(frozen).signal("CONT");
        awaitLog(frozen, "Lost the reconciler lease", "Reconcile pass stopped before its next write");
        Thread.sleep(Duration.ofSeconds(3));
        assertEquals(epoch, epoch(), "the thawed server did not take the lease back");
        assertEquals(last, awaitHolder(Set.of(killed)));
        assertEquals(200, apis.get(frozen).get("/api/v1/aaclusters", token).status(), "and it serves again");

        assertEngineHoldsOneContainerPerCluster(5);
    }

    /**
     * Right after {@code victim} was killed or frozen: creates a cluster through a survivor, keeps asking every
     * survivor, and returns the server that took the lease once the cluster is {@code created}.
     */
    private int takeOver(int victim, Set<Integer> gone, String cluster) throws Exception {
        long epoch = epoch();
        List<Integer> survivors = new ArrayList<>(List.of(0, 1, 2));
        survivors.removeAll(gone);
        assertEquals(202, apis.get(survivors.getFirst()).post("/api/v1/aaclusters/" + cluster, token, CREATE)
                .status());
        long deadline = System.nanoTime() + TAKEOVER.toNanos();
        while (epoch() == epoch) {
            survivors.forEach(this::assertAnswers);
            assertTrue(System.nanoTime() < deadline, "nobody took the lease of server " + victim);
            Thread.sleep(100);
        }
        awaitCreated(survivors, cluster);
        int holder = awaitHolder(gone);
        assertTrue(survivors.contains(holder), "server " + holder + " holds the lease");
        return holder;
    }

    private void assertAnswers(int server) {
        assertEquals(200, apis.get(server).get("/api/v1/aaclusters", token).status(), "server " + server);
    }

    private void awaitCreated(List<Integer> askable, String cluster) throws InterruptedException {
        long deadline = System.nanoTime() + CREATED.toNanos();
        for (int poll = 0; ; poll++) {
            Api.Reply reply = apis.get(askable.get(poll % askable.size())).get("/api/v1/aaclusters/" + cluster,
                    token);
            assertEquals(200, reply.status(), reply.raw().body());
            if ("created".equals(reply.body().path("aacluster").path("status").asText())) {
                return;
            }
            assertTrue(System.nanoTime() < deadline, () -> cluster + " is not created: " + reply.raw().body());
            Thread.sleep(200);
        }
    }

    /** The server whose log says it holds the lease's current epoch (the others in {@code gone} excepted). */
    private int awaitHolder(Set<Integer> gone) throws Exception {
        long deadline = System.nanoTime() + TAKEOVER.toNanos();
        while (true) {
            String line = "Holding the reconciler lease (epoch " + epoch() + ")";
            for (int i = 0; i < servers.size(); i++) {
                if (!gone.contains(i) && servers.get(i).stderr().contains(line)) {
                    return i;
                }
            }
            assertTrue(System.nanoTime() < deadline, "no server logs '" + line + "'");
            Thread.sleep(100);
        }
    }

    private void awaitLog(int server, String... anyOf) throws Exception {
        long deadline = System.nanoTime() + TAKEOVER.toNanos();
        while (List.of(anyOf).stream().noneMatch(text -> contains(server, text))) {
            assertTrue(System.nanoTime() < deadline, () -> "server " + server + " never stood down");
            Thread.sleep(200);
        }
    }

    private boolean contains(int server, String text) {
        try {
            return servers.get(server).stderr().contains(text);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    private long epoch() {
        return database.jdbi().withHandle(handle -> handle.createQuery("SELECT epoch FROM reconciler_lease")
                .mapTo(Long.class).one());
    }

    private void assertEngineHoldsOneContainerPerCluster(int clusters) throws Exception {
        String label = "org.aapf.server=" + serverId;
        List<String> created = Docker.createdSince(label, began);
        assertEquals(new TreeSet<>(created).size(), created.size(), "no container was created twice: " + created);
        List<String> ids = database.jdbi().withHandle(handle -> handle.createQuery("SELECT id FROM clusters")
                .mapTo(String.class).list());
        Set<String> wanted = new TreeSet<>(ids);
        assertEquals(clusters, wanted.size(), "nothing was lost");
        List<String> owners = new ArrayList<>();
        for (String id : Docker.containerIds(label)) {
            owners.add(Docker.inspect(id, "{{index .Config.Labels \"org.aapf.cluster\"}}").strip());
        }
        assertEquals(wanted, new TreeSet<>(owners), "every cluster has its container, and no container is orphaned");
        assertEquals(clusters, owners.size(), "one container per cluster");
    }
}

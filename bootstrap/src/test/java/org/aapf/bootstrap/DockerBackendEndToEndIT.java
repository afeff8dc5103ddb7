package org.aapf.bootstrap;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.aapf.bootstrap.support.Api;
import org.aapf.bootstrap.support.Api.Reply;
import org.aapf.bootstrap.support.Docker;
import org.aapf.bootstrap.support.TestServer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The whole server on the real Docker engine with the real notebook image: create, reach the notebook through the
 * proxy, survive a server restart (containers adopted, never duplicated), clean up orphans, delete.
 */
class DockerBackendEndToEndIT {

    private static final String CREATE = """
            { "jupyterNotebook": { "image": { "repositoryName": "aa_jupyter_notebook" }, "perfType": "small" } }""";

    private final String serverId = "e2e-" + UUID.randomUUID().toString().substring(0, 8);
    private TestServer server;

    @BeforeEach
    void start() {
        Docker.requireEngineAndImage("aapf/jupyter-notebook:6.4");
        server = TestServer.startWithConfiguredBackend(Map.of("AAPF_SERVER_ID", serverId,
                "AAPF_BACKEND", "docker"));
        server.addUser("user1", "user1pass");
    }

    @AfterEach
    void stop() throws IOException, InterruptedException {
        try {
            server.close();
        } finally {
            Docker.removeEverythingLabelled("org.aapf.server=" + serverId);
        }
    }

    @Test
    void notebookCluster_runsIsProxiedSurvivesARestartAndIsDeleted() throws Exception {
        String token = server.api().login("user1", "user1pass").text("accessToken");
        assertEquals(202, server.api().post("/api/v1/aaclusters/sample", token, CREATE).status());

        Reply cluster = awaitStatus(server.api(), token, "sample", "created", Duration.ofMinutes(3));
        var instance = cluster.body().path("aacluster").path("services").get(0).path("instances").get(0);
        String urlPath = instance.path("urlPath").asText();
        String jupyterToken = instance.path("jupyterToken").asText();
        assertEquals("healthy", instance.path("health").asText());
        assertEquals(200, server.api().get(urlPath + "/api/status?token=" + jupyterToken, null).status());
        assertEquals(403, server.api().get(urlPath + "/api/status", null).status());
        List<String> before = Docker.containerIds("org.aapf.server=" + serverId);
        assertEquals(1, before.size());

        server = server.restart();
        String again = server.api().login("user1", "user1pass").text("accessToken");
        awaitStatus(server.api(), again, "sample", "created", Duration.ofMinutes(1));
        assertEquals(200, server.api().get(urlPath + "/api/status?token=" + jupyterToken, null).status());
        assertEquals(before, Docker.containerIds("org.aapf.server=" + serverId), "adopted, not recreated");

        assertEquals(202, server.api().delete("/api/v1/aaclusters/sample", again).status());
        awaitGone(server.api(), again, "sample", Duration.ofMinutes(1));
        assertEquals(List.of(), Docker.containerIds("org.aapf.server=" + serverId));
        assertEquals(404, server.api().get(urlPath + "/api/status?token=" + jupyterToken, null).status());
    }

    @Test
    void orphanContainerOfThisServer_isRemoved_andForeignContainersAreLeftAlone() throws Exception {
        String orphan = Docker.run("aapf/testbox:1", Map.of("org.aapf.server", serverId,
                "org.aapf.cluster", UUID.randomUUID().toString(), "org.aapf.service", "jupyter-notebook",
                "org.aapf.index", "1", "org.aapf.owner", UUID.randomUUID().toString(), "org.aapf.spec-hash", "0"),
                "sleep", "600");
        String foreign = Docker.run("aapf/testbox:1", Map.of("test", serverId), "sleep", "600");
        try {
            long deadline = System.nanoTime() + Duration.ofSeconds(90).toNanos();
            while (Docker.exists(orphan) && System.nanoTime() < deadline) {
                server.server().component().reconciler().wake();
                Thread.sleep(500);
            }
            assertTrue(!Docker.exists(orphan), "the orphan must be removed");
            assertTrue(Docker.exists(foreign), "a container without our label must never be touched");
        } finally {
            Docker.remove(foreign);
        }
    }

    private static Reply awaitStatus(Api api, String token, String name, String status, Duration timeout)
            throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        Reply reply;
        do {
            reply = api.get("/api/v1/aaclusters/" + name, token);
            if (status.equals(reply.body().path("aacluster").path("status").asText())) {
                return reply;
            }
            Thread.sleep(500);
        } while (System.nanoTime() < deadline);
        throw new AssertionError("cluster " + name + " did not become " + status + ": " + reply.raw().body());
    }

    private static void awaitGone(Api api, String token, String name, Duration timeout) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (api.get("/api/v1/aaclusters/" + name, token).status() != 404) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("cluster " + name + " was not deleted");
            }
            Thread.sleep(500);
        }
    }
}

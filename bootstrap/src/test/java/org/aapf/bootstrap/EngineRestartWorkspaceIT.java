package org.aapf.bootstrap;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.Map;
import java.util.UUID;
import org.aapf.bootstrap.support.Api.Reply;
import org.aapf.bootstrap.support.Docker;
import org.aapf.bootstrap.support.NotebookFiles;
import org.aapf.bootstrap.support.PrivateDockerd;
import org.aapf.bootstrap.support.TestServer;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;

/**
 * A notebook's files survive a restart of the Docker engine (every container stopped, then replaced by the
 * reconciler). The engine is a private one started by the test, so the shared engine is never restarted.
 */
class EngineRestartWorkspaceIT {

    private static final String CREATE = """
            { "jupyterNotebook": { "image": { "repositoryName": "aa_jupyter_notebook" }, "perfType": "small" } }""";

    @Test
    void fileSurvivesAnEngineRestart() throws Exception {
        Assumptions.assumeTrue(PrivateDockerd.available(), "needs root and dockerd for a private engine");
        Docker.requireEngineAndImage("aapf/jupyter-notebook:6.4");
        String serverId = "engine-" + UUID.randomUUID().toString().substring(0, 8);
        try (PrivateDockerd engine = PrivateDockerd.start()) {
            engine.load("aapf/jupyter-notebook:6.4");
            TestServer server = TestServer.startWithConfiguredBackend(Map.of("AAPF_SERVER_ID", serverId),
                    "backend:\n  type: docker\n  docker:\n    host: \"" + engine.host() + "\"\n");
            try {
                server.addUser("user1", "user1pass");
                String token = server.api().login("user1", "user1pass").text("accessToken");
                assertEquals(202, server.api().post("/api/v1/aaclusters/keep", token, CREATE).status());
                var notebook = awaitCreated(server, token).body().at("/aacluster/services/0/instances/0");
                NotebookFiles files = new NotebookFiles(server::api, notebook.path("urlPath").asText(),
                        notebook.path("jupyterToken").asText());
                String content = files.write("engine.txt");
                String before = engine.docker("ps", "-q", "--no-trunc").strip();

                engine.restart();

                assertEquals(content, files.read("engine.txt"));
                String after = engine.docker("ps", "-q", "--no-trunc").strip();
                assertNotEquals(before, after, "the stopped container was replaced");
                assertTrue(engine.docker("volume", "ls", "-q").contains("aapf-ws-"));
            } finally {
                server.close();
            }
        }
    }

    private static Reply awaitCreated(TestServer server, String token) throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofMinutes(3).toNanos();
        Reply reply;
        do {
            reply = server.api().get("/api/v1/aaclusters/keep", token);
            if ("created".equals(reply.body().at("/aacluster/status").asText())) {
                return reply;
            }
            Thread.sleep(500);
        } while (System.nanoTime() < deadline);
        throw new AssertionError("cluster did not become created: " + reply.raw().body());
    }
}

package org.aapf.bootstrap;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.aapf.bootstrap.support.Api.Reply;
import org.aapf.bootstrap.support.Docker;
import org.aapf.bootstrap.support.NotebookFiles;
import org.aapf.bootstrap.support.PrivateDockerEngine;
import org.aapf.bootstrap.support.TestServer;
import org.junit.jupiter.api.Test;

/**
 * A notebook's files survive a restart of the Docker engine, which stops every container: the reconciler replaces
 * the notebook and the new one mounts the same workspace volume. The engine is one of the test's own (the shared
 * engine runs other tests' containers), started with the real notebook image.
 */
class EngineRestartWorkspaceIT {

    private static final String IMAGE = "aapf/jupyter-notebook:6.4";
    private static final String CREATE = """
            { "jupyterNotebook": { "image": { "repositoryName": "aa_jupyter_notebook" }, "perfType": "small" } }""";
    private static final Duration READY = Duration.ofMinutes(3);

    @Test
    void fileSurvivesAnEngineRestart() throws Exception {
        Docker.requireEngineAndImage(IMAGE);
        String serverId = "engine-" + UUID.randomUUID().toString().substring(0, 8);
        String label = "org.aapf.server=" + serverId;
        try (PrivateDockerEngine engine = PrivateDockerEngine.start(IMAGE);
                TestServer server = TestServer.startWithConfiguredBackend(Map.of("AAPF_SERVER_ID", serverId,
                        "AAPF_BACKEND", "docker"), "backend:\n  docker:\n    host: " + engine.host() + "\n")) {
            server.addUser("user1", "user1pass");
            String token = server.api().login("user1", "user1pass").text("accessToken");
            assertEquals(202, server.api().post("/api/v1/aaclusters/keep", token, CREATE).status());
            var notebook = awaitCreated(server, token).body().at("/aacluster/services/0/instances/0");
            var files = new NotebookFiles(server::api, notebook.path("urlPath").asText(),
                    notebook.path("jupyterToken").asText());
            String content = files.write("engine.txt");
            List<String> before = engine.runningContainers(label);
            List<String> volumes = engine.volumes(label);
            assertEquals(1, before.size(), "one notebook container");
            assertEquals(1, volumes.size(), "one workspace volume");

            engine.restart();
            assertEquals(List.of(), engine.runningContainers(label), "the restart stopped the notebook");
            long deadline = System.nanoTime() + READY.toNanos();
            List<String> after;
            while ((after = engine.runningContainers(label)).isEmpty() || after.equals(before)) {
                assertTrue(System.nanoTime() < deadline, "no replacement notebook after the engine restart");
                server.server().component().reconciler().wake();
                Thread.sleep(500);
            }
            awaitCreated(server, token);

            assertEquals(content, files.read("engine.txt"));
            assertEquals(volumes, engine.volumes(label), "the same workspace volume, mounted again");
        }
    }

    private static Reply awaitCreated(TestServer server, String token) throws InterruptedException {
        long deadline = System.nanoTime() + READY.toNanos();
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

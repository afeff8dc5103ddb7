package org.aapf.bootstrap;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Predicate;
import org.aapf.bootstrap.support.Api.Reply;
import org.aapf.bootstrap.support.Docker;
import org.aapf.bootstrap.support.NotebookFiles;
import org.aapf.bootstrap.support.TestServer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;

/**
 * A notebook's files survive what the platform does on its own, on the real Docker engine with the real notebook
 * image: each step writes a file through the proxy (Jupyter's contents API) and reads it back byte-identical after the
 * container was killed and replaced, ran out of memory, AAPF restarted, the catalogue changed the notebook's spec, and
 * the cluster was stopped and started; deleting the cluster removes its workspace volume. (An engine restart has a
 * test of its own, {@link EngineRestartWorkspaceIT}, on an engine of its own.) One notebook serves every
 * step (each start costs seconds of CI time), so the steps run in order.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class WorkspacePersistenceIT {

    private static final String CREATE = """
            { "jupyterNotebook": { "image": { "repositoryName": "aa_jupyter_notebook" }, "perfType": "small" } }""";
    private static final Duration READY = Duration.ofMinutes(3);

    private final String serverId = "ws-" + UUID.randomUUID().toString().substring(0, 8);
    private final String label = "org.aapf.server=" + serverId;
    private Path catalogue;
    private TestServer server;
    private String token;
    private String urlPath;
    private NotebookFiles files;

    @BeforeAll
    void startNotebook() throws Exception {
        Docker.requireEngineAndImage("aapf/jupyter-notebook:6.4");
        catalogue = Files.createTempFile("aapf-catalogue", ".yaml");
        try (InputStream shipped = getClass().getResourceAsStream("/aapf-catalogue.yaml")) {
            Files.write(catalogue, shipped.readAllBytes());
        }
        server = TestServer.startWithConfiguredBackend(Map.of("AAPF_SERVER_ID", serverId, "AAPF_BACKEND", "docker"),
                "catalogue: " + catalogue + "\n");
        server.addUser("user1", "user1pass");
        token = server.api().login("user1", "user1pass").text("accessToken");
        assertEquals(202, server.api().post("/api/v1/aaclusters/keep", token, CREATE).status());
        var notebook = awaitStatus("created").body().at("/aacluster/services/0/instances/0");
        urlPath = notebook.path("urlPath").asText();
        files = new NotebookFiles(() -> server.api(), urlPath, notebook.path("jupyterToken").asText());
    }

    @AfterAll
    void cleanUp() throws Exception {
        try {
            if (server != null) {
                server.close();
            }
        } finally {
            Docker.removeEverythingLabelled(label);
            for (String volume : volumes()) {
                Docker.removeVolume(volume);
            }
            Files.deleteIfExists(catalogue);
        }
    }

    @Test
    @Order(1)
    void workspaceIsALabelledVolumeMountedAtTheNotebooksHome() throws Exception {
        List<String> volumes = volumes();
        assertEquals(1, volumes.size(), "one workspace volume for the cluster");
        String container = notebookContainer();
        assertEquals(volumes.getFirst() + " /home/jovyan", Docker.inspect(container,
                "{{range .Mounts}}{{.Name}} {{.Destination}}{{end}}"));
        assertEquals(Docker.inspect(container, "{{index .Config.Labels \"org.aapf.owner\"}}"),
                Docker.volumeLabel(volumes.getFirst(), "org.aapf.owner"));
    }

    @Test
    @Order(2)
    void fileSurvivesDockerKillAndReplacement() throws Exception {
        String content = write("killed.txt");
        String before = notebookContainer();

        Docker.kill(before);
        awaitReplacement(before);

        assertEquals(content, read("killed.txt"));
    }

    @Test
    @Order(3)
    void fileSurvivesOutOfMemoryAndReplacement() throws Exception {
        String content = write("oom.txt");
        String before = notebookContainer();

        // A cell allocating more than the performance type's memory: the kernel's OOM killer ends the notebook
        // server (made its first choice, as the largest process usually is) and the container exits.
        Docker.execIgnoringFailure("docker", "exec", before, "sh", "-c", "echo 1000 > /proc/1/oom_score_adj;"
                + " python3 -c \"b = b'x' * (2048 * 1024 * 1024)\"");
        awaitStopped(before);
        assertEquals("true", Docker.inspect(before, "{{.State.OOMKilled}}"));
        awaitReplacement(before);

        assertEquals(content, read("oom.txt"));
        String events = server.api().get("/api/v1/aaclusters/keep/events", token).raw().body();
        assertTrue(events.contains("restarted"), events);
    }

    @Test
    @Order(4)
    void fileSurvivesAnAapfRestartOnTheSameDatabase() throws Exception {
        String content = write("restart.txt");

        server = server.restart();
        token = server.api().login("user1", "user1pass").text("accessToken");
        awaitStatus("created");

        assertEquals(content, read("restart.txt"));
    }

    @Test
    @Order(5)
    void fileSurvivesACatalogueEditThatChangesTheNotebooksSpec() throws Exception {
        String content = write("catalogue.txt");
        String before = notebookContainer();

        String yaml = Files.readString(catalogue);
        String edited = yaml.replace("        JUPYTER_TOKEN: \"{token}\"\n",
                "        JUPYTER_TOKEN: \"{token}\"\n        AAPF_CATALOGUE_EDIT: \"1\"\n");
        assertNotEquals(yaml, edited, "the shipped catalogue no longer has the line this edit extends");
        Files.writeString(catalogue, edited);
        awaitReplacement(before);

        assertEquals("1", Docker.inspect(notebookContainer(), "{{range .Config.Env}}{{println .}}{{end}}").lines()
                .filter(line -> line.startsWith("AAPF_CATALOGUE_EDIT=")).findFirst().orElseThrow().substring(20));
        assertEquals(content, read("catalogue.txt"));
    }

    @Test
    @Order(6)
    void fileSurvivesStopAndStart_atTheSameAddress() throws Exception {
        String content = write("keep.txt");

        Reply stop = server.api().post("/api/v1/aaclusters/keep/stop", token, "");
        assertEquals(202, stop.status());
        assertEquals("Accepted stopping AACluster named 'keep'.", stop.text("message"));
        awaitStatus("stopped");
        assertEquals(List.of(), Docker.containerIds(label));
        Reply parked = files.readOnce("keep.txt");
        assertEquals(503, parked.status());
        assertTrue(parked.text("message").contains("/start"), parked.raw().body());
        assertEquals(1, volumes().size(), "the workspace stays while stopped");

        Reply start = server.api().post("/api/v1/aaclusters/keep/start", token, "");
        assertEquals(202, start.status());
        assertEquals("Accepted starting AACluster named 'keep'.", start.text("message"));
        Reply started = awaitStatus("created");

        assertEquals(urlPath, started.body().at("/aacluster/services/0/instances/0/urlPath").asText());
        assertEquals(content, read("keep.txt"));
        String events = server.api().get("/api/v1/aaclusters/keep/events", token).raw().body();
        assertTrue(events.contains("\"stopping\"") && events.contains("\"stopped\"")
                && events.contains("\"starting\""), events);
    }

    @Test
    @Order(7)
    void deletingTheClusterRemovesItsWorkspace() throws Exception {
        assertEquals(202, server.api().delete("/api/v1/aaclusters/keep", token).status());
        long deadline = System.nanoTime() + Duration.ofMinutes(1).toNanos();
        while (server.api().get("/api/v1/aaclusters/keep", token).status() != 404) {
            assertTrue(System.nanoTime() < deadline, "cluster not deleted");
            Thread.sleep(500);
        }
        assertEquals(List.of(), volumes());
    }

    private String write(String name) throws InterruptedException {
        return files.write(name);
    }

    private String read(String name) throws InterruptedException {
        return files.read(name);
    }

    private String notebookContainer() throws IOException, InterruptedException {
        List<String> ids = Docker.containerIds(label);
        assertEquals(1, ids.size(), "one notebook container");
        return ids.getFirst();
    }

    private List<String> volumes() throws IOException, InterruptedException {
        return Docker.volumes(label);
    }

    /** Waits until another container replaced {@code before} and the cluster is created again. */
    /**
     * The engine records how a container ended once it has seen it stop, which can be after {@code docker exec}
     * returned; the reconciler replaces a failed instance only after a delay, so the container is still there.
     */
    private static void awaitStopped(String container) throws Exception {
        long deadline = System.nanoTime() + READY.toNanos();
        while (!"false".equals(Docker.inspect(container, "{{.State.Running}}"))) {
            assertTrue(System.nanoTime() < deadline, "the container did not stop");
            Thread.sleep(100);
        }
    }

    private void awaitReplacement(String before) throws Exception {
        awaitUntil(ids -> ids.size() == 1 && !ids.contains(before));
        awaitStatus("created");
        assertNotEquals(before, notebookContainer());
    }

    private void awaitUntil(Predicate<List<String>> condition) throws Exception {
        long deadline = System.nanoTime() + READY.toNanos();
        while (!condition.test(Docker.containerIds(label))) {
            assertTrue(System.nanoTime() < deadline, "no replacement container appeared");
            server.server().component().reconciler().wake();
            Thread.sleep(500);
        }
    }

    private Reply awaitStatus(String status) throws InterruptedException {
        long deadline = System.nanoTime() + READY.toNanos();
        Reply reply;
        do {
            reply = server.api().get("/api/v1/aaclusters/keep", token);
            if (status.equals(reply.body().at("/aacluster/status").asText())) {
                return reply;
            }
            Thread.sleep(500);
        } while (System.nanoTime() < deadline);
        throw new AssertionError("cluster did not become " + status + ": " + reply.raw().body());
    }
}

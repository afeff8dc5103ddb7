package org.aapf.bootstrap;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.UUID;
import java.util.function.Predicate;
import org.aapf.application.port.out.Endpoint;
import org.aapf.application.port.out.InstanceRef;
import org.aapf.bootstrap.support.Api.Reply;
import org.aapf.bootstrap.support.Docker;
import org.aapf.bootstrap.support.NotebookKernel;
import org.aapf.bootstrap.support.TestServer;
import org.aapf.domain.cluster.ClusterId;
import org.aapf.domain.cluster.ServiceKind;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Idle shutdown on the real Docker engine with the real notebook and Spark images and a 20 s idle timeout: a notebook
 * nobody uses is warned and then stopped (workspace kept), one whose kernel runs {@code time.sleep(90)} (started
 * through the proxy's WebSocket) is not stopped while it sleeps, and one whose Spark master runs an application is
 * not stopped while it runs. The idle notebook's events are written to {@code target/idle-shutdown-events.json}.
 */
class IdleShutdownIT {

    private static final String NOTEBOOK = """
            { "jupyterNotebook": { "image": { "repositoryName": "aa_jupyter_notebook" }, "perfType": "small" } }""";
    private static final String SPARK = """
            { "jupyterNotebook": { "image": { "repositoryName": "aa_jupyter_notebook" }, "perfType": "small" },
              "sparkMaster": { "image": { "repositoryName": "aa_spark" }, "perfType": "small" },
              "sparkWorker": { "image": { "repositoryName": "aa_spark" }, "perfType": "small",
                               "numberOfInstances": 1 } }""";
    private static final Duration TIMEOUT = Duration.ofSeconds(20);
    private static final System.Logger LOG = System.getLogger(IdleShutdownIT.class.getName());
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    private final String serverId = "idle-" + UUID.randomUUID().toString().substring(0, 8);
    private TestServer server;
    private String token;

    @BeforeEach
    void start() {
        Docker.requireEngineAndImage("aapf/jupyter-notebook:6.4");
        Docker.requireEngineAndImage("aapf/spark:3.5");
        server = TestServer.startWithConfiguredBackend(Map.of("AAPF_SERVER_ID", serverId, "AAPF_BACKEND", "docker",
                "AAPF_IDLE_TIMEOUT", TIMEOUT.toString()));
        server.addUser("user1", "user1pass");
        token = server.api().login("user1", "user1pass").text("accessToken");
    }

    @AfterEach
    void stop() throws IOException, InterruptedException {
        try {
            server.close();
        } finally {
            Docker.removeEverythingLabelled("test=" + serverId);
            Docker.removeEverythingLabelled("org.aapf.server=" + serverId);
            for (String volume : Docker.volumes("org.aapf.server=" + serverId)) {
                Docker.removeVolume(volume);
            }
        }
    }

    @Test
    void idleNotebookIsWarnedAndStopped_butNotWhileItsKernelIsBusy() throws Exception {
        assertEquals(202, server.api().post("/api/v1/aaclusters/idle", token, NOTEBOOK).status());
        assertEquals(202, server.api().post("/api/v1/aaclusters/busy", token, NOTEBOOK).status());
        JsonNode busy = awaitStatus("busy", "created", Duration.ofMinutes(3));
        JsonNode notebook = busy.at("/services/0/instances/0");
        long sleepStarted = System.nanoTime();
        try (NotebookKernel kernel = NotebookKernel.startRunning(server.baseUrl(), notebook.path("urlPath").asText(),
                notebook.path("jupyterToken").asText(), "import time\ntime.sleep(90)")) {

            JsonNode stopped = awaitStatus("idle", "stopped", Duration.ofMinutes(3));
            String events = events("idle");
            Files.writeString(Path.of("target", "idle-shutdown-events.json"), events);
            LOG.log(System.Logger.Level.INFO, "idle notebook's events: " + events);
            assertEquals("stopped", stopped.path("status").asText());
            assertTrue(events.contains("\"idle\"") && events.contains("will be stopped in"), events);
            assertTrue(events.contains("without activity (idle timeout 20 s)"), events);
            assertTrue(events.indexOf("without activity") < events.indexOf("\"stopping\""), events);
            assertTrue(events.contains("\"stopped\""), events);
            assertTrue(Docker.volumes("org.aapf.server=" + serverId).size() >= 2,
                    "the stopped notebook keeps its workspace, next to the busy one's");

            awaitElapsed(sleepStarted, TIMEOUT.multipliedBy(3));
            assertEquals("created", cluster("busy").path("status").asText(), events("busy"));
            assertFalse(events("busy").contains("without activity"), events("busy"));
        }
    }

    @Test
    void sparkApplicationKeepsItsClusterRunning() throws Exception {
        assertEquals(202, server.api().post("/api/v1/aaclusters/spark", token, SPARK).status());
        JsonNode spark = awaitStatus("spark", "created", Duration.ofMinutes(5));
        JsonNode notebook = spark.at("/services/0/instances/0");
        String masterContainer = Docker.containerIds("org.aapf.server=" + serverId).stream()
                .filter(container -> label(container, "org.aapf.service").equals(ServiceKind.SPARK_MASTER.apiName()))
                .findFirst().orElseThrow();
        String network = Docker.networksOf(masterContainer).getFirst();
        Docker.exec("docker", "run", "-d", "--network", network, "--network-alias", "spark-submit", "--hostname",
                "spark-submit", "--label", "test=" + serverId, "-e", "SPARK_DRIVER_MEMORY=512m", "aapf/spark:3.5",
                "spark-submit", "--master", "spark://spark-master:7077", "--conf", "spark.driver.host=spark-submit",
                "--conf", "spark.executor.memory=512m", "--class", "org.aapf.spark.examples.SparkPi",
                "/opt/spark/examples/jars/aapf-spark-examples.jar", "20000");
        ClusterId id = ClusterId.parse(label(masterContainer, "org.aapf.cluster"));
        Endpoint master = server.backend().endpoint(new InstanceRef(id, ServiceKind.SPARK_MASTER, 1)).orElseThrow();
        long deadline = System.nanoTime() + Duration.ofMinutes(2).toNanos();
        while (activeApplications(master) < 1) {
            // until the driver registers, requests through the proxy keep the notebook in use
            touch(notebook.path("urlPath").asText(), notebook.path("jupyterToken").asText());
            assertTrue(System.nanoTime() < deadline, "the Spark application never registered");
            Thread.sleep(1000);
        }
        long running = System.nanoTime();

        awaitElapsed(running, TIMEOUT.multipliedBy(2).plusSeconds(5));

        assertTrue(activeApplications(master) >= 1, "the application ended too early for this test to tell");
        assertEquals("created", cluster("spark").path("status").asText(), events("spark"));
        assertFalse(events("spark").contains("without activity"), events("spark"));
    }

    private static String label(String container, String name) {
        try {
            return Docker.inspect(container, "{{index .Config.Labels \"" + name + "\"}}").strip();
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static int activeApplications(Endpoint master) throws Exception {
        HttpResponse<String> state = HTTP.send(HttpRequest.newBuilder(URI.create("http://" + master.host() + ":"
                + master.port() + "/json/")).timeout(Duration.ofSeconds(5)).build(),
                HttpResponse.BodyHandlers.ofString());
        return JSON.readTree(state.body()).path("activeapps").size();
    }

    private void touch(String urlPath, String jupyterToken) throws Exception {
        HTTP.send(HttpRequest.newBuilder(URI.create(server.baseUrl() + urlPath + "/api/status"))
                .header("Authorization", "token " + jupyterToken).timeout(Duration.ofSeconds(10)).build(),
                HttpResponse.BodyHandlers.discarding());
    }

    private static void awaitElapsed(long since, Duration duration) throws InterruptedException {
        long left = since + duration.toNanos() - System.nanoTime();
        if (left > 0) {
            Thread.sleep(Duration.ofNanos(left));
        }
    }

    private JsonNode cluster(String name) {
        return server.api().get("/api/v1/aaclusters/" + name, token).body().path("aacluster");
    }

    private String events(String name) {
        return server.api().get("/api/v1/aaclusters/" + name + "/events", token).raw().body();
    }

    private JsonNode awaitStatus(String name, String status, Duration timeout) throws InterruptedException {
        return await(name, cluster -> status.equals(cluster.path("status").asText()), timeout);
    }

    private JsonNode await(String name, Predicate<JsonNode> condition, Duration timeout) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        JsonNode last = null;
        while (System.nanoTime() < deadline) {
            Reply reply = server.api().get("/api/v1/aaclusters/" + name, token);
            last = reply.body().path("aacluster");
            if (reply.status() == 200 && condition.test(last)) {
                return last;
            }
            Thread.sleep(500);
        }
        throw new AssertionError("AACluster " + name + " not as expected within " + timeout + ": " + last
                + "\nevents: " + events(name));
    }
}

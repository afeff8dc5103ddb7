package org.aapf.bootstrap;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Predicate;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.aapf.application.port.out.Endpoint;
import org.aapf.application.port.out.ObservedInstance;
import org.aapf.bootstrap.support.Api;
import org.aapf.bootstrap.support.Api.Reply;
import org.aapf.bootstrap.support.Docker;
import org.aapf.bootstrap.support.TestServer;
import org.aapf.domain.cluster.ServiceKind;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * A notebook with a Spark master and workers on the real Docker engine with the real aapf/spark image: the cluster is
 * {@code created} once the master reports every worker, a job submitted from inside the cluster's network computes
 * the right answer on the workers, a killed worker is shown failed with its exit code and then replaced, and
 * resizing 2 → 3 → 1 is seen by the API and by the master. The master's {@code /json/} is read through the backend's
 * endpoint (published on 127.0.0.1), never a container address.
 */
class SparkClusterEndToEndIT {

    private static final String SPARK_IMAGE = "aapf/spark:3.5";
    private static final String CREATE = """
            { "jupyterNotebook": { "image": { "repositoryName": "aa_jupyter_notebook" }, "perfType": "small" },
              "sparkMaster": { "image": { "repositoryName": "aa_spark" }, "perfType": "small" },
              "sparkWorker": { "image": { "repositoryName": "aa_spark" }, "perfType": "small",
                               "numberOfInstances": 2 } }""";
    private static final System.Logger LOG = System.getLogger(SparkClusterEndToEndIT.class.getName());
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    private final String serverId = "spark-" + UUID.randomUUID().toString().substring(0, 8);
    private TestServer server;
    private String token;

    @BeforeEach
    void start() {
        Docker.requireEngineAndImage("aapf/jupyter-notebook:6.4");
        Docker.requireEngineAndImage(SPARK_IMAGE);
        server = TestServer.startWithConfiguredBackend(Map.of("AAPF_SERVER_ID", serverId, "AAPF_BACKEND", "docker"));
        server.addUser("user1", "user1pass");
        token = server.api().login("user1", "user1pass").text("accessToken");
    }

    @AfterEach
    void stop() throws IOException, InterruptedException {
        try {
            server.close();
        } finally {
            Docker.removeEverythingLabelled("org.aapf.server=" + serverId);
            Docker.removeEverythingLabelled("test=" + serverId);
        }
    }

    @Test
    void sparkCluster_registersItsWorkers_runsAJob_replacesAKilledWorker_resizes_andIsDeleted() throws Exception {
        long started = System.nanoTime();
        assertEquals(202, api().post("/api/v1/aaclusters/spark", token, CREATE).status());

        awaitCluster("created with 2 workers", cluster -> workers(cluster) == 2 && "created".equals(status(cluster)),
                Duration.ofMinutes(5));
        LOG.log(System.Logger.Level.INFO, "notebook + master + 2 workers created in {0} s",
                Duration.ofNanos(System.nanoTime() - started).toSeconds());
        assertEquals(2, masterState().path("aliveworkers").asInt(), "created means every worker registered");
        assertTrue(notebookEnv().contains("SPARK_MASTER_URL=spark://spark-master:7077"), notebookEnv());

        String output = submitSparkPi();
        Matcher pi = Pattern.compile("Pi is roughly ([0-9.]+)").matcher(output);
        assertTrue(pi.find(), output);
        assertEquals(Math.PI, Double.parseDouble(pi.group(1)), 0.02);
        assertTrue(output.contains("Sum of 1..1000000 is 500000500000"), output);
        assertTrue(output.contains("Executors: 2"), output);

        killedWorker_isShownFailedWithItsExitCode_thenReplacedAndRegisteredAgain();

        resizeTo(3);
        awaitCluster("created with 3 workers", cluster -> workers(cluster) == 3 && "created".equals(status(cluster)),
                Duration.ofMinutes(3));
        assertEquals(3, masterState().path("aliveworkers").asInt());
        resizeTo(1);
        awaitCluster("created with 1 worker", cluster -> workers(cluster) == 1 && "created".equals(status(cluster)),
                Duration.ofMinutes(2));
        awaitAliveWorkers(1, Duration.ofMinutes(2));
        assertEquals(List.of("spark-worker-1"), aliveWorkerHosts(), "the highest indexes went first");

        assertEquals(202, api().delete("/api/v1/aaclusters/spark", token).status());
        awaitGone(Duration.ofMinutes(2));
        assertEquals(List.of(), Docker.containerIds("org.aapf.server=" + serverId));
    }

    private void killedWorker_isShownFailedWithItsExitCode_thenReplacedAndRegisteredAgain() throws Exception {
        String killed = containerOf(ServiceKind.SPARK_WORKER, 2);
        Docker.kill(killed);

        JsonNode failed = awaitCluster("showing spark-worker-2 failed",
                cluster -> "failed".equals(worker(cluster, 2).path("status").asText()), Duration.ofMinutes(1));
        assertEquals("error", status(failed), failed.toString());
        JsonNode alert = failed.path("services").get(2).path("alerts").get(0);
        assertEquals("Exited", alert.path("reason").asText(), failed.toString());
        assertTrue(alert.path("message").asText().contains("137"), alert.toString());

        JsonNode recovered = awaitCluster("created again with 2 workers", cluster -> workers(cluster) == 2
                && "created".equals(status(cluster)), Duration.ofMinutes(3));
        assertEquals("ready", worker(recovered, 2).path("status").asText(), recovered.toString());
        assertEquals(0, recovered.path("services").get(2).path("alerts").size(), recovered.toString());
        awaitAliveWorkers(2, Duration.ofMinutes(1));
        assertEquals(List.of("spark-worker-1", "spark-worker-2"), aliveWorkerHosts());
        String replacement = containerOf(ServiceKind.SPARK_WORKER, 2);
        assertTrue(!replacement.equals(killed) && !Docker.exists(killed), "a new container replaced the killed one");
        String events = api().get("/api/v1/aaclusters/spark/events", token).raw().body();
        assertTrue(events.contains("Instance spark-worker-2 is being restarted (restart 1) after it failed: "
                + "The instance exited with code 137"), events);
    }

    private void resizeTo(int workers) {
        Reply reply = api().patch("/api/v1/aaclusters/spark", token,
                "{\"sparkWorker\": {\"numberOfInstances\": " + workers + "}}");
        assertEquals(202, reply.status(), reply.raw().body());
    }

    /** SparkPi from a one-off container on the cluster's network, against spark://spark-master:7077. */
    private String submitSparkPi() throws IOException, InterruptedException {
        String network = Docker.networksOf(containerOf(ServiceKind.SPARK_MASTER)).getFirst();
        return Docker.runOnNetwork(network, "spark-submit", Map.of("test", serverId), SPARK_IMAGE,
                "spark-submit", "--master", "spark://spark-master:7077",
                "--conf", "spark.driver.host=spark-submit", "--conf", "spark.executor.memory=512m",
                "--class", "org.aapf.spark.examples.SparkPi", "/opt/spark/examples/jars/aapf-spark-examples.jar", "4");
    }

    private JsonNode masterState() throws IOException, InterruptedException {
        Endpoint endpoint = server.backend().endpoint(instance(ServiceKind.SPARK_MASTER).ref()).orElseThrow();
        assertEquals("127.0.0.1", endpoint.host());
        HttpRequest request = HttpRequest.newBuilder(
                URI.create("http://127.0.0.1:" + endpoint.port() + "/json/")).timeout(Duration.ofSeconds(10)).build();
        return JSON.readTree(HTTP.send(request, HttpResponse.BodyHandlers.ofString()).body());
    }

    private List<String> aliveWorkerHosts() throws IOException, InterruptedException {
        List<String> hosts = new ArrayList<>();
        for (JsonNode worker : masterState().path("workers")) {
            if ("ALIVE".equals(worker.path("state").asText())) {
                hosts.add(worker.path("host").asText());
            }
        }
        return hosts.stream().sorted().toList();
    }

    private void awaitAliveWorkers(int count, Duration timeout) throws IOException, InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (masterState().path("aliveworkers").asInt() != count) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("the master does not report " + count + " alive workers: " + masterState());
            }
            Thread.sleep(1000);
        }
    }

    private String notebookEnv() throws IOException, InterruptedException {
        return Docker.inspect(containerOf(ServiceKind.JUPYTER_NOTEBOOK), "{{json .Config.Env}}");
    }

    private String containerOf(ServiceKind service) throws IOException, InterruptedException {
        return containerOf(service, 1);
    }

    private String containerOf(ServiceKind service, int index) throws IOException, InterruptedException {
        for (String id : Docker.containerIds("org.aapf.server=" + serverId)) {
            String labels = Docker.inspect(id, "{{index .Config.Labels \"org.aapf.service\"}}-"
                    + "{{index .Config.Labels \"org.aapf.index\"}}");
            if (labels.equals(service.apiName() + "-" + index)) {
                return id;
            }
        }
        throw new AssertionError("no container for " + service.apiName() + "-" + index);
    }

    private ObservedInstance instance(ServiceKind service) {
        return server.backend().observe().stream().filter(i -> i.ref().service() == service).findFirst()
                .orElseThrow();
    }

    private JsonNode awaitCluster(String what, Predicate<JsonNode> condition, Duration timeout)
            throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        Reply reply;
        do {
            reply = api().get("/api/v1/aaclusters/spark", token);
            JsonNode cluster = reply.body().path("aacluster");
            if (condition.test(cluster)) {
                return cluster;
            }
            Thread.sleep(1000);
        } while (System.nanoTime() < deadline);
        throw new AssertionError("the cluster is not " + what + ": " + reply.raw().body());
    }

    private void awaitGone(Duration timeout) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (api().get("/api/v1/aaclusters/spark", token).status() != 404) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("the cluster was not deleted");
            }
            Thread.sleep(500);
        }
    }

    private static JsonNode worker(JsonNode cluster, int index) {
        for (JsonNode instance : cluster.path("services").get(2).path("instances")) {
            if (instance.path("index").asInt() == index) {
                return instance;
            }
        }
        return JSON.missingNode();
    }

    private static int workers(JsonNode cluster) {
        return cluster.path("services").get(2).path("instances").size();
    }

    private static String status(JsonNode cluster) {
        return cluster.path("status").asText();
    }

    private Api api() {
        return server.api();
    }
}

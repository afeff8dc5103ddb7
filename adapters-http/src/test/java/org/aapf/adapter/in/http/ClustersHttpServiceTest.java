package org.aapf.adapter.in.http;

import static org.aapf.adapter.in.http.ApiTestServer.assertJson;
import static org.aapf.adapter.in.http.ApiTestServer.assertJsonInOrder;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import org.aapf.application.port.in.ClusterEventView;
import org.aapf.application.port.in.CreateClusterUseCase.CreateClusterCommand;
import org.aapf.application.port.in.ResizeSparkWorkersUseCase.ResizeSparkWorkersCommand;
import org.aapf.application.port.in.CreateClusterUseCase.ServiceRequest;
import org.aapf.domain.cluster.ClusterEvent;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class ClustersHttpServiceTest {

    static final String REFERENCE_CREATE_BODY = """
            {"jupyterNotebook": {"image": {"repositoryName": "aa_jupyter_notebook"}, "perfType": "small"}}""";
    private static final String WITH_SPARK_BODY = """
            {"jupyterNotebook": {"image": {"repositoryName": "aa_jupyter_notebook"}, "perfType": "small"},
             "sparkMaster": {"image": {"repositoryName": "aa_spark"}, "perfType": "small"},
             "sparkWorker": {"image": {"repositoryName": "aa_spark"}, "perfType": "small", "numberOfInstances": 2}}""";
    private static final String NOW = "2026-11-26T23:30:00.123456+00:00";

    private final ApiTestServer api = new ApiTestServer();

    @AfterEach
    void stop() {
        api.close();
    }

    @Test
    void givenNoClusters_listIsEmpty() {
        assertJsonInOrder(200, "{\"aaclusters\": []}", api.send("GET", "/api/v1/aaclusters", null));
    }

    @Test
    void list_showsTheReferenceExampleExactly() {
        try (ApiTestServer tokyo = new ApiTestServer(inTokyo())) {
            tokyo.clusters.put(FakeAccounts.USER.id(), SampleClusters.referenceSample());

            assertJsonInOrder(200, "{\"aaclusters\": [" + SampleClusters.REFERENCE_SAMPLE_JSON + "]}",
                    tokyo.send("GET", "/api/v1/aaclusters", null));
        }
    }

    @Test
    void get_showsTheReferenceExampleExactly() {
        try (ApiTestServer tokyo = new ApiTestServer(inTokyo())) {
            tokyo.clusters.put(FakeAccounts.USER.id(), SampleClusters.referenceSample());

            assertJsonInOrder(200, "{\"aacluster\": " + SampleClusters.REFERENCE_SAMPLE_JSON + "}",
                    tokyo.send("GET", "/api/v1/aaclusters/sample", null));
        }
    }

    @Test
    void list_keepsTheQuerysOrderByName() {
        api.clusters.put(FakeAccounts.USER.id(), SampleClusters.withSparkAndAlerts("b"));
        api.clusters.put(FakeAccounts.USER.id(), SampleClusters.withSparkAndAlerts("a"));

        var body = ApiTestServer.tree(api.send("GET", "/api/v1/aaclusters", null).body());

        assertEquals("a", body.at("/aaclusters/0/name").asText());
        assertEquals("b", body.at("/aaclusters/1/name").asText());
    }

    @Test
    void list_answeredAgainWhileUnchanged_showsAChangeInTheNextAnswer() {
        api.clusters.put(FakeAccounts.USER.id(), SampleClusters.withSparkAndAlerts("a"));
        String first = api.send("GET", "/api/v1/aaclusters", null).body();
        assertEquals(first, api.send("GET", "/api/v1/aaclusters", null).body());

        api.clusters.put(FakeAccounts.USER.id(), SampleClusters.withSparkAndAlerts("b"));
        var body = ApiTestServer.tree(api.send("GET", "/api/v1/aaclusters", null).body());
        assertEquals(2, body.at("/aaclusters").size());
        assertEquals("b", body.at("/aaclusters/1/name").asText());

        api.send("DELETE", "/api/v1/aaclusters/a", null);
        var afterDelete = ApiTestServer.tree(api.send("GET", "/api/v1/aaclusters", null).body());
        assertEquals("deleting", afterDelete.at("/aaclusters/0/status").asText());
    }

    @Test
    void get_showsSparkServicesHealthGpuAndAlerts() {
        api.clusters.put(FakeAccounts.USER.id(), SampleClusters.withSparkAndAlerts("big"));

        assertJsonInOrder(200, """
                {"aacluster": {"name": "big", "status": "error", "services": [
                  {"name": "jupyter-notebook", "numberOfInstances": 1,
                   "instances": [{"index": 1, "status": "ready", "health": "healthy",
                                  "createdAt": "2026-11-26T23:30:00.500000+00:00",
                                  "updatedAt": "2026-11-26T23:30:00.500000+00:00",
                                  "urlPath": "/proxy/abcdefg123/jupyter",
                                  "jupyterToken": "c6db3a7b715b04402b6a241faa6cf16274403bf50a7bbf91"}],
                   "image": {"repositoryName": "aa_jupyter_notebook", "displayName": "Jupyter Notebook",
                             "description": "Standard Jupyter Notebook image provided by AAPF."},
                   "perfType": {"name": "z-gpu", "displayName": "One GPU",
                                "resources": {"cpu": 4.0, "memory": 16384, "nvidia.com/gpu": 1}},
                   "alerts": []},
                  {"name": "spark-master", "numberOfInstances": 1,
                   "instances": [{"index": 1, "status": "starting", "health": "unhealthy",
                                  "createdAt": "2026-11-26T23:30:00.500000+00:00",
                                  "updatedAt": "2026-11-26T23:30:00.500000+00:00"}],
                   "image": {"repositoryName": "aa_spark", "displayName": "Apache Spark",
                             "description": "Spark master and worker."},
                   "perfType": {"name": "small", "displayName": "Small",
                                "resources": {"cpu": 0.5, "memory": 1024, "nvidia.com/gpu": null}},
                   "alerts": [{"level": "warning", "reason": "ImagePullSlow", "message": "Pulling the image takes long.",
                               "at": "2026-11-26T23:30:00.500000+00:00"}]},
                  {"name": "spark-worker", "numberOfInstances": 2,
                   "instances": [{"index": 1, "status": "ready", "health": null,
                                  "createdAt": "2026-11-26T23:30:00.500000+00:00",
                                  "updatedAt": "2026-11-26T23:30:00.500000+00:00"},
                                 {"index": 2, "status": "failed", "health": null,
                                  "createdAt": "2026-11-26T23:30:00.500000+00:00",
                                  "updatedAt": "2026-11-26T23:30:00.500000+00:00"}],
                   "image": {"repositoryName": "aa_spark", "displayName": "Apache Spark",
                             "description": "Spark master and worker."},
                   "perfType": {"name": "small", "displayName": "Small",
                                "resources": {"cpu": 0.5, "memory": 1024, "nvidia.com/gpu": null}},
                   "alerts": [{"level": "error", "reason": "OOMKilled", "message": "Instance 2 ran out of memory.",
                               "at": "2026-11-26T23:30:00.500000+00:00"}]}],
                 "createdAt": "2026-11-26T23:30:00.500000+00:00"}}""",
                api.send("GET", "/api/v1/aaclusters/big", null));
    }

    @Test
    void create_withTheReferenceBody_isAccepted() {
        var response = api.send("POST", "/api/v1/aaclusters/sample", REFERENCE_CREATE_BODY);

        assertJsonInOrder(202, "{\"message\": \"Accepted creating AACluster named 'sample'.\"}", response);
        assertEquals(new CreateClusterCommand(FakeAccounts.USER.id(), "sample",
                Optional.of(ServiceRequest.of("aa_jupyter_notebook", "small")), Optional.empty(), Optional.empty()),
                api.clusters.lastCreate);
    }

    @Test
    void create_passesSparkMasterAndWorkersToTheUseCase() {
        var response = api.send("POST", "/api/v1/aaclusters/spark", """
                {"jupyterNotebook": {"image": {"repositoryName": "aa_jupyter_notebook"}, "perfType": "small"},
                 "sparkMaster": {"image": {"repositoryName": "aa_spark"}, "perfType": "small"},
                 "sparkWorker": {"image": {"repositoryName": "aa_spark"}, "perfType": "z-gpu", "numberOfInstances": 2}}""");

        assertEquals(202, response.statusCode(), response.body());
        assertEquals(Optional.of(ServiceRequest.of("aa_spark", "small")), api.clusters.lastCreate.sparkMaster());
        assertEquals(Optional.of(new ServiceRequest("aa_spark", "z-gpu", Optional.of(2))),
                api.clusters.lastCreate.sparkWorker());
    }

    @Test
    void createdCluster_isShownAsCreatingWithUnknownHealth() {
        api.send("POST", "/api/v1/aaclusters/sample", REFERENCE_CREATE_BODY);

        assertJsonInOrder(200, """
                {"aacluster": {"name": "sample", "status": "creating", "services": [
                  {"name": "jupyter-notebook", "numberOfInstances": 1,
                   "instances": [{"index": 1, "status": "creating", "health": null, "createdAt": "%1$s",
                                  "updatedAt": "%1$s", "urlPath": "/proxy/abcdefg123/jupyter",
                                  "jupyterToken": "c6db3a7b715b04402b6a241faa6cf16274403bf50a7bbf91"}],
                   "image": {"repositoryName": "aa_jupyter_notebook", "displayName": "Jupyter Notebook",
                             "description": "Standard Jupyter Notebook image provided by AAPF."},
                   "perfType": {"name": "small", "displayName": "Small",
                                "resources": {"cpu": 0.5, "memory": 1024, "nvidia.com/gpu": null}},
                   "alerts": []},
                  {"name": "spark-master", "numberOfInstances": 0, "instances": [], "image": {}, "perfType": {},
                   "alerts": []},
                  {"name": "spark-worker", "numberOfInstances": 0, "instances": [], "image": {}, "perfType": {},
                   "alerts": []}],
                 "createdAt": "%1$s"}}""".formatted(NOW), api.send("GET", "/api/v1/aaclusters/sample", null));
    }

    @Test
    void delete_isAcceptedAndTheClusterShowsAsDeleting() {
        api.send("POST", "/api/v1/aaclusters/sample", REFERENCE_CREATE_BODY);

        assertJsonInOrder(202, "{\"message\": \"Accepted deleting AACluster named 'sample'.\"}",
                api.send("DELETE", "/api/v1/aaclusters/sample", null));
        assertEquals("deleting", ApiTestServer.tree(api.send("GET", "/api/v1/aaclusters/sample", null).body())
                .at("/aacluster/status").asText());
    }

    @Test
    void stopAndStart_areAcceptedTwiceWithTheirMessages() {
        api.send("POST", "/api/v1/aaclusters/sample", REFERENCE_CREATE_BODY);

        for (int i = 0; i < 2; i++) {
            assertJsonInOrder(202, "{\"message\": \"Accepted stopping AACluster named 'sample'.\"}",
                    api.send("POST", "/api/v1/aaclusters/sample/stop", null));
        }
        assertEquals("stopping", ApiTestServer.tree(api.send("GET", "/api/v1/aaclusters/sample", null).body())
                .at("/aacluster/status").asText());
        for (int i = 0; i < 2; i++) {
            assertJsonInOrder(202, "{\"message\": \"Accepted starting AACluster named 'sample'.\"}",
                    api.send("POST", "/api/v1/aaclusters/sample/start", null));
        }
        assertEquals("creating", ApiTestServer.tree(api.send("GET", "/api/v1/aaclusters/sample", null).body())
                .at("/aacluster/status").asText());
    }

    @Test
    void stopOfAnUnknownCluster_is404_andGetOnStopIsNotAllowed() {
        assertEquals(404, api.send("POST", "/api/v1/aaclusters/nothing/stop", null).statusCode());
        assertEquals(405, api.send("GET", "/api/v1/aaclusters/nothing/stop", null).statusCode());
    }

    @Test
    void resize_isAcceptedAndHandsTheCountToTheUseCase() {
        api.send("POST", "/api/v1/aaclusters/sample", WITH_SPARK_BODY);

        assertJsonInOrder(202,
                "{\"message\": \"Accepted resizing the Spark workers of AACluster named 'sample' to 3.\"}",
                api.send("PATCH", "/api/v1/aaclusters/sample", "{\"sparkWorker\": {\"numberOfInstances\": 3}}"));
        assertEquals(new ResizeSparkWorkersCommand(FakeAccounts.USER.id(), "sample", 3), api.clusters.lastResize);
    }

    @Test
    void resize_withABadCountOrWithoutMaster_is400_andOfAMissingCluster_is404() {
        api.send("POST", "/api/v1/aaclusters/sample", WITH_SPARK_BODY);
        api.send("POST", "/api/v1/aaclusters/plain", REFERENCE_CREATE_BODY);

        for (String body : List.of("{\"sparkWorker\": {\"numberOfInstances\": \"3\"}}",
                "{\"sparkWorker\": {\"numberOfInstances\": 2.5}}", "{\"sparkWorker\": {}}", "{}",
                "{\"sparkWorker\": {\"numberOfInstances\": 0}}",
                "{\"sparkWorker\": {\"numberOfInstances\": 17}}")) {
            assertEquals(400, api.send("PATCH", "/api/v1/aaclusters/sample", body).statusCode(), body);
        }
        assertEquals(400, api.send("PATCH", "/api/v1/aaclusters/plain",
                "{\"sparkWorker\": {\"numberOfInstances\": 1}}").statusCode());
        assertEquals(404, api.send("PATCH", "/api/v1/aaclusters/missing",
                "{\"sparkWorker\": {\"numberOfInstances\": 1}}").statusCode());
    }

    @Test
    void events_listTheHistoryOldestFirst() {
        api.send("POST", "/api/v1/aaclusters/sample", REFERENCE_CREATE_BODY);
        api.clusters.now = Instant.parse("2026-11-26T23:31:00Z");
        api.send("DELETE", "/api/v1/aaclusters/sample", null);

        assertJsonInOrder(200, """
                {"events": [{"at": "%s", "type": "requested", "message": "AACluster requested."},
                            {"at": "2026-11-26T23:31:00.000000+00:00", "type": "deleting",
                             "message": "Deletion requested."}]}""".formatted(NOW),
                api.send("GET", "/api/v1/aaclusters/sample/events", null));
    }

    @Test
    void events_showEveryType() {
        Instant at = Instant.parse("2026-11-26T23:30:00Z");
        ClusterEventView[] events = Arrays.stream(ClusterEvent.Type.values())
                .map(type -> new ClusterEventView(at, type, type.apiName()))
                .toArray(ClusterEventView[]::new);
        api.clusters.put(FakeAccounts.USER.id(), SampleClusters.withSparkAndAlerts("sample"), events);

        var body = ApiTestServer.tree(api.send("GET", "/api/v1/aaclusters/sample/events", null).body());

        List<String> types = new ArrayList<>();
        body.at("/events").forEach(event -> types.add(event.path("type").asText()));
        assertEquals(List.of("requested", "created", "started", "ready", "failed", "restarted", "deleting",
                "deleted", "stopping", "stopped", "starting", "idle"), types);
    }

    @Test
    void clusterNameIsPercentDecodedFromThePath() {
        String name = "my cluster+1 ü 日本";
        String path = "/api/v1/aaclusters/" + URLEncoder.encode(name, StandardCharsets.UTF_8).replace("+", "%20");

        assertJson(202, "{\"message\": \"Accepted creating AACluster named '" + name + "'.\"}",
                api.send("POST", path, REFERENCE_CREATE_BODY));
        assertEquals(name, ApiTestServer.tree(api.send("GET", path, null).body()).at("/aacluster/name").asText());
        assertEquals(name, api.clusters.lastCreate.name());
    }

    @Test
    void nameOf512Characters_isAccepted() {
        assertEquals(202, api.send("POST", "/api/v1/aaclusters/" + "n".repeat(512), REFERENCE_CREATE_BODY)
                .statusCode());
    }

    private static HttpSettings inTokyo() {
        return new HttpSettings(HttpSettings.DEFAULT_MAX_BODY_BYTES, ZoneId.of("Asia/Tokyo"), false);
    }
}

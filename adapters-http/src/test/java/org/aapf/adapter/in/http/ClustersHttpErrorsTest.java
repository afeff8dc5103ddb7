package org.aapf.adapter.in.http;

import static org.aapf.adapter.in.http.ApiTestServer.assertJson;
import static org.aapf.adapter.in.http.ClustersHttpServiceTest.REFERENCE_CREATE_BODY;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class ClustersHttpErrorsTest {

    private final ApiTestServer api = new ApiTestServer();

    @AfterEach
    void stop() {
        api.close();
    }

    @Test
    void givenDuplicateName_createIs400() {
        api.send("POST", "/api/v1/aaclusters/sample", REFERENCE_CREATE_BODY);

        assertJson(400, "{\"message\": \"AACluster named 'sample' already exists.\"}",
                api.send("POST", "/api/v1/aaclusters/sample", REFERENCE_CREATE_BODY));
    }

    @Test
    void givenUnknownImage_createIs400() {
        assertJson(400, "{\"message\": \"Unknown image 'nope'.\"}", api.send("POST", "/api/v1/aaclusters/sample",
                "{\"jupyterNotebook\": {\"image\": {\"repositoryName\": \"nope\"}, \"perfType\": \"small\"}}"));
    }

    @Test
    void givenUnknownPerfType_createIs400() {
        assertJson(400, "{\"message\": \"Unknown performance type 'huge'.\"}", api.send("POST",
                "/api/v1/aaclusters/sample",
                "{\"jupyterNotebook\": {\"image\": {\"repositoryName\": \"aa_jupyter_notebook\"}, \"perfType\": \"huge\"}}"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"{}", "{\"jupyterNotebook\": null}",
            "{\"sparkMaster\": {\"image\": {\"repositoryName\": \"aa_spark\"}, \"perfType\": \"small\"}}"})
    void givenNoJupyterNotebook_createIs400(String body) {
        assertJson(400, "{\"message\": \"'jupyterNotebook' is required.\"}",
                api.send("POST", "/api/v1/aaclusters/sample", body));
        assertNull(api.clusters.lastCreate, "the use case is not asked");
    }

    @Test
    void givenServiceWithoutImage_theUseCaseGetsNullAndRefuses() {
        assertJson(400, "{\"message\": \"'jupyterNotebook.image.repositoryName' is required\"}",
                api.send("POST", "/api/v1/aaclusters/sample", "{\"jupyterNotebook\": {\"perfType\": \"small\"}}"));
        assertNull(api.clusters.lastCreate.jupyterNotebook().orElseThrow().imageRepositoryName());
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "{\"jupyterNotebook\": {                      | The request body is not valid JSON.",
        "[]                                           | The request body must be a JSON object.",
        "\"sample\"                                   | The request body must be a JSON object.",
        "{\"jupyterNotebook\": \"aa_jupyter_notebook\"} | 'jupyterNotebook' must be an object.",
        "{\"jupyterNotebook\": {\"image\": \"aa_jupyter_notebook\"}} | 'jupyterNotebook.image' must be an object.",
        "{\"jupyterNotebook\": {\"image\": {\"repositoryName\": 7}}} | 'jupyterNotebook.image.repositoryName' must be a string.",
        "{\"jupyterNotebook\": {\"perfType\": [\"small\"]}} | 'jupyterNotebook.perfType' must be a string.",
        "{\"sparkWorker\": {\"numberOfInstances\": \"2\"}} | 'sparkWorker.numberOfInstances' must be an integer.",
        "{\"sparkWorker\": {\"numberOfInstances\": 2.5}} | 'sparkWorker.numberOfInstances' must be an integer.",
        "{\"sparkWorker\": {\"numberOfInstances\": true}} | 'sparkWorker.numberOfInstances' must be an integer.",
        "{\"sparkWorker\": {\"numberOfInstances\": 99999999999}} | 'sparkWorker.numberOfInstances' is out of range.",
        "{\"sparkWorker\": {\"numberOfInstances\": -99999999999}} | 'sparkWorker.numberOfInstances' is out of range.",
    })
    void givenMalformedBody_createIs400NamingTheProblem(String body, String message) {
        var response = api.send("POST", "/api/v1/aaclusters/sample", body.strip());

        assertJson(400, "{\"message\": \"" + message.replace("\"", "\\\"") + "\"}", response);
    }

    @Test
    void givenNoJsonContentType_createIs415() {
        var response = api.send(api.request("POST", "/api/v1/aaclusters/sample", REFERENCE_CREATE_BODY)
                .setHeader("Content-Type", "text/plain")
                .header("Authorization", "Bearer " + FakeAccounts.ACCESS_TOKEN));

        assertJson(415, "{\"message\": \"Content-Type must be application/json.\"}", response);
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "%20%20    | 'nameOfAACluster' must not be blank",
        "a%0Ab     | 'nameOfAACluster' must not contain control characters",
        "a%09b     | 'nameOfAACluster' must not contain control characters",
        "a%C2%85b  | 'nameOfAACluster' must not contain control characters",
        "a%2Fb     | 'nameOfAACluster' must not contain '/'",
        "a%2fevents | 'nameOfAACluster' must not contain '/'",
    })
    void givenBadName_everyClusterEndpointIs400(String encodedName, String message) {
        String expected = "{\"message\": \"" + message + "\"}";
        String path = "/api/v1/aaclusters/" + encodedName;

        assertJson(400, expected, api.send("GET", path, null));
        assertJson(400, expected, api.send("POST", path, REFERENCE_CREATE_BODY));
        assertJson(400, expected, api.send("DELETE", path, null));
        assertJson(400, expected, api.send("GET", path + "/events", null));
    }

    /** Helidon decodes a byte that is not UTF-8 as U+FFFD; a new name refuses it rather than keep what was not sent. */
    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "%2E%2E   | 'nameOfAACluster' must not be '.' or '..'",
        "%2e      | 'nameOfAACluster' must not be '.' or '..'",
        "data%FF  | 'nameOfAACluster' must be valid UTF-8: it holds U+FFFD, which an undecodable byte becomes",
        "data%C3  | 'nameOfAACluster' must be valid UTF-8: it holds U+FFFD, which an undecodable byte becomes",
    })
    void givenANameNoUrlCouldOpen_createIs400_andLookupsAre404(String encodedName, String message) {
        String path = "/api/v1/aaclusters/" + encodedName;

        assertJson(400, "{\"message\": \"" + message + "\"}", api.send("POST", path, REFERENCE_CREATE_BODY));
        assertEquals(404, api.send("GET", path, null).statusCode());
    }

    @Test
    void slashesThatAreNotEncoded_stayUnknownPaths() {
        assertJson(404, "{\"message\": \"Not Found.\"}", api.send("GET", "/api/v1/aaclusters/a/b", null));
    }

    @Test
    void givenNameOver512Characters_is400() {
        assertJson(400, "{\"message\": \"'nameOfAACluster' must be at most 512 characters\"}",
                api.send("POST", "/api/v1/aaclusters/" + "n".repeat(513), REFERENCE_CREATE_BODY));
    }

    @ParameterizedTest
    @ValueSource(strings = {"GET /api/v1/aaclusters", "GET /api/v1/aaclusters/sample", "POST /api/v1/aaclusters/sample",
            "DELETE /api/v1/aaclusters/sample", "GET /api/v1/aaclusters/sample/events", "GET /api/v1/images",
            "GET /api/v1/perf-types"})
    void givenNoToken_endpointIs401(String endpoint) {
        String[] methodAndPath = endpoint.split(" ");

        var response = api.send(api.request(methodAndPath[0], methodAndPath[1], REFERENCE_CREATE_BODY));

        assertJson(401, "{\"message\": \"Missing 'Authorization: Bearer <token>' header.\"}", response);
        assertNull(api.clusters.lastCreate);
    }

    @Test
    void givenUnknownCluster_getDeleteAndEventsAre404() {
        String expected = "{\"message\": \"AACluster named 'nope' was not found.\"}";

        assertJson(404, expected, api.send("GET", "/api/v1/aaclusters/nope", null));
        assertJson(404, expected, api.send("DELETE", "/api/v1/aaclusters/nope", null));
        assertJson(404, expected, api.send("GET", "/api/v1/aaclusters/nope/events", null));
    }

    @Test
    void anotherUsersCluster_isNotFoundLikeAMissingOne() {
        api.clusters.put(SampleClusters.OTHER_USER, SampleClusters.withSparkAndAlerts("theirs"));
        String expected = "{\"message\": \"AACluster named 'theirs' was not found.\"}";

        assertJson(404, expected, api.send("GET", "/api/v1/aaclusters/theirs", null));
        assertJson(404, expected, api.send("DELETE", "/api/v1/aaclusters/theirs", null));
        assertJson(404, expected, api.send("GET", "/api/v1/aaclusters/theirs/events", null));
        assertJson(200, "{\"aaclusters\": []}", api.send("GET", "/api/v1/aaclusters", null));
    }

    @Test
    void anotherUsersClusterName_isFreeForTheCaller() {
        api.clusters.put(SampleClusters.OTHER_USER, SampleClusters.withSparkAndAlerts("theirs"));

        assertEquals(202, api.send("POST", "/api/v1/aaclusters/theirs", REFERENCE_CREATE_BODY).statusCode());
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "PUT    | /api/v1/aaclusters/sample        | GET, POST, PATCH, DELETE",
        "POST   | /api/v1/aaclusters               | GET",
        "DELETE | /api/v1/aaclusters               | GET",
        "DELETE | /api/v1/aaclusters/sample/events | GET",
        "POST   | /api/v1/images                   | GET",
        "PUT    | /api/v1/perf-types               | GET",
    })
    void wrongMethod_is405WithAllow(String method, String path, String allow) {
        var response = api.send(method, path, "{}");

        assertJson(405, "{\"message\": \"Method " + method + " is not allowed here; use " + allow + ".\"}", response);
        assertEquals(allow, response.headers().firstValue("Allow").orElse(""));
    }
}

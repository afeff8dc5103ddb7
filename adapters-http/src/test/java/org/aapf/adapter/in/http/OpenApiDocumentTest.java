package org.aapf.adapter.in.http;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.swagger.v3.oas.models.Operation;
import io.swagger.v3.oas.models.PathItem;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class OpenApiDocumentTest {

    private static final String SAMPLE_CLUSTER = "{\"aacluster\": " + SampleClusters.REFERENCE_SAMPLE_JSON + "}";

    private final ApiTestServer api = new ApiTestServer();

    @AfterEach
    void stop() {
        api.close();
    }

    @Test
    void documentIsServedAsYamlWithoutToken() throws IOException {
        var response = api.send(api.request("GET", "/api/v1/openapi.yaml", null));

        assertEquals(200, response.statusCode());
        assertEquals("application/yaml", response.headers().firstValue("Content-Type").orElse(""));
        assertArrayEquals(resource(), response.body().getBytes(StandardCharsets.UTF_8));
    }

    @Test
    void otherMethodOnTheDocument_is405WithoutToken() {
        var response = api.send(api.request("DELETE", "/api/v1/openapi.yaml", null));

        assertEquals(405, response.statusCode());
        assertEquals("GET", response.headers().firstValue("Allow").orElse(""));
    }

    @Test
    void everyDocumentedOperationIsRouted() {
        forEachOperation((method, path, operation) -> {
            var response = api.send(method, path, operation.getRequestBody() == null ? null : "{}");

            assertNotEquals(405, response.statusCode(), method + " " + path);
            assertNotEquals("{\"message\":\"Not Found.\"}", response.body(), method + " " + path);
        });
    }

    @Test
    void everyOperationNeedsATokenExactlyWhenTheDocumentSaysSo() {
        forEachOperation((method, path, operation) -> {
            boolean secured = operation.getSecurity() == null || !operation.getSecurity().isEmpty();

            var response = api.send(api.request(method, path, operation.getRequestBody() == null ? null : "{}"));

            assertEquals(secured, response.statusCode() == 401, method + " " + path + " -> " + response.body());
        });
    }

    @Test
    void referenceSampleMatchesTheDocument() {
        assertFalse(OpenApiContract.validateResponse("GET", "/api/v1/aaclusters/sample", 200, SAMPLE_CLUSTER)
                .hasErrors());
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "/aacluster/createdAt                              | \"2017-08-01T01:57:02.401+09:00\"",
        "/aacluster/createdAt                              | \"2017-08-01T01:57:02.401372Z\"",
        "/aacluster/status                                 | \"running\"",
        "/aacluster/owner                                  | \"user1\"",
        "/aacluster/services/0/instances/0/health          | \"fine\"",
        "/aacluster/services/0/instances/0/jupyterToken    | \"short\"",
        "/aacluster/services/0/instances/0/index           | 0",
        "/aacluster/services/0/perfType/resources/memory   | 0.5",
        "/aacluster/services/0/perfType/resources/nvidia.com~1gpu | \"1\"",
        "/aacluster/services/0/alerts                      | [{\"level\": \"fatal\", \"reason\": \"x\", \"message\": \"m\", \"at\": \"2017-08-01T01:57:02.401372+09:00\"}]",
        "/aacluster/services/1/numberOfInstances           | 1",
        "/aacluster/services/1/image                       | {\"repositoryName\": \"aa_spark\"}",
        "/aacluster/services/2/instances                   | [{\"index\": 1, \"status\": \"ready\", \"health\": null, \"createdAt\": \"2017-08-01T01:57:02.401372+09:00\", \"updatedAt\": \"2017-08-01T01:57:02.401372+09:00\"}]",
    })
    void contractRejectsAClusterWithAMistake(String pointer, String json) {
        String body = withValue(SAMPLE_CLUSTER, pointer, json);

        assertTrue(OpenApiContract.validateResponse("GET", "/api/v1/aaclusters/sample", 200, body).hasErrors(), body);
    }

    @Test
    void contractRejectsASparkInstanceWithNotebookFields() {
        String body = withValue(SAMPLE_CLUSTER, "/aacluster/services/1", """
                {"name": "spark-master", "numberOfInstances": 1,
                 "instances": [{"index": 1, "status": "ready", "health": null,
                                "createdAt": "2017-08-01T01:57:02.401372+09:00",
                                "updatedAt": "2017-08-01T01:57:02.401372+09:00",
                                "urlPath": "/proxy/abcdefg123/jupyter",
                                "jupyterToken": "c6db3a7b715b04402b6a241faa6cf16274403bf50a7bbf91"}],
                 "image": {"repositoryName": "aa_spark", "displayName": "Spark", "description": ""},
                 "perfType": {}, "alerts": []}""");

        assertTrue(OpenApiContract.validateResponse("GET", "/api/v1/aaclusters/sample", 200, body).hasErrors());
    }

    @Test
    void contractRejectsUndocumentedStatusesAndErrorShapes() {
        assertTrue(OpenApiContract.validateResponse("GET", "/api/v1/aaclusters/sample", 418, "{\"message\": \"x\"}")
                .hasErrors());
        assertTrue(OpenApiContract.validateResponse("GET", "/api/v1/aaclusters/sample", 404, "{\"error\": \"x\"}")
                .hasErrors());
        assertTrue(OpenApiContract.validateResponse("GET", "/api/v1/aaclusters", 401, "{\"message\": \"x\"}")
                .hasErrors(), "401 must carry WWW-Authenticate");
    }

    private interface OperationCheck {
        void check(String method, String path, Operation operation);
    }

    private static void forEachOperation(OperationCheck check) {
        String basePath = OpenApiContract.API.getServers().getFirst().getUrl();
        OpenApiContract.API.getPaths().forEach((template, item) -> {
            String path = basePath + template.replaceAll("\\{[^}]+}", "sample");
            for (Map.Entry<PathItem.HttpMethod, Operation> it : item.readOperationsMap().entrySet()) {
                check.check(it.getKey().name(), path, it.getValue());
            }
        });
    }

    /** {@code json} with the value at {@code pointer} (an object field or an array element) replaced. */
    private static String withValue(String json, String pointer, String value) {
        JsonNode tree = ApiTestServer.tree(json);
        int slash = pointer.lastIndexOf('/');
        JsonNode parent = tree.at(pointer.substring(0, slash));
        String last = pointer.substring(slash + 1).replace("~1", "/").replace("~0", "~");
        if (parent instanceof ArrayNode array) {
            array.set(Integer.parseInt(last), ApiTestServer.tree(value));
        } else {
            ((ObjectNode) parent).set(last, ApiTestServer.tree(value));
        }
        return tree.toString();
    }

    private static byte[] resource() {
        try (InputStream in = OpenApiDocumentTest.class.getResourceAsStream("/" + OpenApiContract.LOCATION)) {
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}

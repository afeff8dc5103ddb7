package org.aapf.adapter.in.http;

import static org.aapf.adapter.in.http.ApiTestServer.assertJson;
import static org.aapf.adapter.in.http.ClustersHttpServiceTest.REFERENCE_CREATE_BODY;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.io.IOException;
import java.io.InputStream;
import java.net.Socket;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class StrictBodiesTest {

    private final ApiTestServer api = new ApiTestServer();

    @AfterEach
    void stop() {
        api.close();
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "{\"jupyterNotebook\": {\"image\": {\"repositoryName\": \"aa_jupyter_notebook\"}, \"perfType\": \"small\"}, \"privileged\": true}"
                + " | 'privileged' is not a field of this request; allowed here: 'jupyterNotebook', 'sparkMaster', 'sparkWorker'.",
        "{\"jupyterNotebook\": {\"image\": {\"repositoryName\": \"aa_jupyter_notebook\"}, \"perfType\": \"small\"}, \"sparkWorkers\": {}}"
                + " | 'sparkWorkers' is not a field of this request; allowed here: 'jupyterNotebook', 'sparkMaster', 'sparkWorker'.",
        "{\"jupyterNotebook\": {\"image\": {\"repositoryName\": \"aa_jupyter_notebook\"}, \"perfType\": \"small\", \"privileged\": true}}"
                + " | 'jupyterNotebook.privileged' is not a field of this request; allowed here: 'image', 'numberOfInstances', 'perfType'.",
        "{\"jupyterNotebook\": {\"image\": {\"repositoryName\": \"aa_jupyter_notebook\", \"tag\": \"latest\"}, \"perfType\": \"small\"}}"
                + " | 'jupyterNotebook.image.tag' is not a field of this request; allowed here: 'repositoryName'.",
    })
    void givenFieldTheApiDoesNotDefine_createIs400NamingIt(String body, String message) {
        assertJson(400, "{\"message\": \"" + message + "\"}", api.send("POST", "/api/v1/aaclusters/sample", body));
        assertNull(api.clusters.lastCreate, "the use case is not asked");
    }

    @Test
    void givenFieldTheApiDoesNotDefine_resizeIs400NamingIt() {
        api.send("POST", "/api/v1/aaclusters/sample", REFERENCE_CREATE_BODY);

        assertJson(400, "{\"message\": \"'sparkWorker.numberOfInstance' is not a field of this request; allowed here:"
                + " 'numberOfInstances'.\"}", api.send("PATCH", "/api/v1/aaclusters/sample",
                        "{\"sparkWorker\": {\"numberOfInstance\": 2}}"));
        assertJson(400, "{\"message\": \"'memory' is not a field of this request; allowed here: 'sparkWorker'.\"}",
                api.send("PATCH", "/api/v1/aaclusters/sample",
                        "{\"sparkWorker\": {\"numberOfInstances\": 2}, \"memory\": 99}"));
    }

    @Test
    void referenceCreateBody_isStillAccepted() {
        assertEquals(202, api.send("POST", "/api/v1/aaclusters/sample", REFERENCE_CREATE_BODY).statusCode());
    }

    @Test
    void successesAndErrors_areNotStored() {
        HttpResponse<String> ok = api.send("GET", "/api/v1/aaclusters", null);
        HttpResponse<String> login = api.send(api.request("POST", "/api/v1/login",
                "{\"username\": \"user1\", \"password\": \"user1pass\"}"));
        HttpResponse<String> refused = api.send("POST", "/api/v1/aaclusters/sample", "{\"x\": 1}");
        HttpResponse<String> missing = api.send("GET", "/api/v1/nope", null);
        HttpResponse<String> unauthenticated = api.send(api.request("GET", "/api/v1/aaclusters", null)
                .setHeader("Authorization", "Bearer nope"));

        for (HttpResponse<String> response : java.util.List.of(ok, login, refused, missing, unauthenticated)) {
            assertEquals("no-store", response.headers().firstValue("Cache-Control").orElse(null),
                    response.uri() + " " + response.statusCode());
        }
    }

    @Test
    void requestRefusedBeforeRouting_isNotStoredEither() throws IOException {
        try (Socket socket = new Socket("127.0.0.1", api.uri("/").getPort())) {
            socket.setSoTimeout(5000);
            socket.getOutputStream().write("GET /api/v1/api-tokens/%ZZ HTTP/1.1\r\nHost: localhost\r\n\r\n"
                    .getBytes(StandardCharsets.US_ASCII));
            InputStream in = socket.getInputStream();
            String response = new String(in.readAllBytes(), StandardCharsets.UTF_8);

            assertEquals(true, response.contains("\r\nCache-Control: no-store\r\n"), response);
        }
    }
}

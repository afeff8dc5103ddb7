package org.aapf.adapter.in.http;

import static org.aapf.adapter.in.http.ApiTestServer.assertJson;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.net.http.HttpResponse;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class BearerAuthenticationTest {

    private final ApiTestServer api = new ApiTestServer();

    @AfterEach
    void stop() {
        api.close();
    }

    @ParameterizedTest
    @ValueSource(strings = {"GET /api/v1/api-tokens", "GET /api/v1/api-tokens/a", "POST /api/v1/api-tokens/a",
            "DELETE /api/v1/api-tokens/a", "POST /api/v1/logout", "PUT /api/v1/password"})
    void givenNoAuthorizationHeader_endpointIs401(String endpoint) {
        String[] methodAndPath = endpoint.split(" ");

        var response = api.send(api.request(methodAndPath[0], methodAndPath[1], "{}"));

        assertUnauthorized("Missing 'Authorization: Bearer <token>' header.", response);
    }

    @ParameterizedTest
    @ValueSource(strings = {"Basic dXNlcjE6dXNlcjFwYXNz", "Bearer", "Bearer ", "Bearer a b", "access-token-1"})
    void givenMalformedAuthorizationHeader_requestIs401(String header) {
        var response = api.send(api.request("GET", "/api/v1/api-tokens", null).header("Authorization", header));

        assertUnauthorized("The 'Authorization' header must be 'Bearer <token>'.", response);
    }

    @Test
    void givenUnknownToken_requestIs401() {
        var response = api.send(api.request("GET", "/api/v1/api-tokens", null).header("Authorization", "Bearer nope"));

        assertUnauthorized("Invalid or expired token.", response);
    }

    @Test
    void schemeIsCaseInsensitive() {
        var response = api.send(api.request("GET", "/api/v1/api-tokens", null)
                .header("Authorization", "bearer " + FakeAccounts.ACCESS_TOKEN));

        assertEquals(200, response.statusCode());
    }

    @Test
    void loginNeedsNoBearerToken() {
        var response = api.send(api.request("POST", "/api/v1/login", "{\"username\": \"user1\", \"password\": \"user1pass\"}"));

        assertEquals(200, response.statusCode());
    }

    private static void assertUnauthorized(String message, HttpResponse<String> response) {
        assertJson(401, "{\"message\": \"" + message + "\"}", response);
        assertEquals("Bearer", response.headers().firstValue("WWW-Authenticate").orElse(""));
    }
}

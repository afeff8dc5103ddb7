package org.aapf.adapter.in.http;

import static org.aapf.adapter.in.http.ApiTestServer.assertJson;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import org.aapf.domain.error.AapfException;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class ErrorHandlingTest {

    private final ApiTestServer api = new ApiTestServer();

    @AfterEach
    void stop() {
        api.close();
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "{\"username\": \"user1\"                   | The request body is not valid JSON.",
        "{\"username\": \"user1\"}                  | 'password' is required.",
        "{\"username\": \"user1\", \"password\": null} | 'password' is required.",
        "{\"username\": 7, \"password\": \"p\"}     | 'username' must be a string.",
        "{\"username\": [\"a\"], \"password\": \"p\"} | 'username' must be a string.",
        "{\"username\": true, \"password\": \"p\"}  | 'username' must be a string.",
        "{\"username\": \"a\", \"password\": 1.5}   | 'password' must be a string.",
        "{\"username\": \"a\", \"username\": \"b\"} | The request body is not valid JSON.",
        "{\"username\": \"a\", \"password\": \"p\"} x | The request body is not valid JSON.",
        "[]                                       | The request body must be a JSON object.",
        "null                                     | The request body must be a JSON object.",
        "''                                       | The request body must be a JSON object.",
    })
    void givenBadJson_loginIs400NamingTheProblem(String body, String message) {
        String json = body.equals("''") ? "" : body.strip();

        var response = api.send(api.request("POST", "/api/v1/login", json));

        assertJson(400, "{\"message\": \"" + message.replace("\"", "\\\"") + "\"}", response);
    }

    @Test
    void unknownFieldsAreIgnored() {
        var response = api.send(api.request("POST", "/api/v1/login",
                "{\"username\": \"user1\", \"password\": \"user1pass\", \"remember\": true}"));

        assertEquals(200, response.statusCode());
    }

    @ParameterizedTest
    @CsvSource({"text/plain", "application/x-www-form-urlencoded"})
    void givenNonJsonContentType_is415(String contentType) {
        var response = api.send(api.request("POST", "/api/v1/login", "{}").setHeader("Content-Type", contentType));

        assertJson(415, "{\"message\": \"Content-Type must be application/json.\"}", response);
    }

    @Test
    void jsonWithCharsetIsAccepted() {
        var response = api.send(api.request("POST", "/api/v1/login", "{\"username\": \"user1\", \"password\": \"user1pass\"}")
                .setHeader("Content-Type", "application/json; charset=utf-8"));

        assertEquals(200, response.statusCode());
    }

    @Test
    void unknownPathUnderApi_is404Json() {
        assertJson(404, "{\"message\": \"Not Found.\"}", api.send("GET", "/api/v1/nope", null));
    }

    @Test
    void unknownPathOutsideApi_is404Json() {
        assertJson(404, "{\"message\": \"Not Found.\"}", api.send(api.request("GET", "/nope", null)));
    }

    @Test
    void requestRefusedBeforeRouting_is400Json() throws IOException {
        try (Socket socket = new Socket("127.0.0.1", api.uri("/").getPort())) {
            socket.setSoTimeout(5000);
            socket.getOutputStream().write("GET /api/v1/api-tokens/%ZZ HTTP/1.1\r\nHost: localhost\r\n\r\n"
                    .getBytes(StandardCharsets.US_ASCII));

            String response = new String(socket.getInputStream().readAllBytes(), StandardCharsets.UTF_8);

            assertTrue(response.startsWith("HTTP/1.1 400 "), response);
            assertTrue(response.contains("Content-Type: application/json"), response);
            assertTrue(response.endsWith("\r\n\r\n{\"message\":\"Bad Request.\"}"), response);
        }
    }

    @Test
    void wrongMethodOnKnownPath_is405WithAllow() {
        var response = api.send("DELETE", "/api/v1/password", null);

        assertJson(405, "{\"message\": \"Method DELETE is not allowed here; use PUT.\"}", response);
        assertEquals("PUT", response.headers().firstValue("Allow").orElse(""));
    }

    @Test
    void wrongMethodOnTokenPath_listsEveryAllowedMethod() {
        var response = api.send("PUT", "/api/v1/api-tokens/a", "{}");

        assertEquals(405, response.statusCode());
        assertEquals("POST, GET, DELETE", response.headers().firstValue("Allow").orElse(""));
    }

    @Test
    void wrongMethodOnPublicPath_is405WithoutToken() {
        var response = api.send(api.request("GET", "/api/v1/login", null));

        assertEquals(405, response.statusCode());
        assertEquals("POST", response.headers().firstValue("Allow").orElse(""));
    }

    @Test
    void throttledLogin_is429WithRetryAfterInWholeSeconds() {
        var response = api.send(api.request("POST", "/api/v1/login", "{\"username\": \"throttled\", \"password\": \"p\"}"));

        assertJson(429, "{\"message\": \"Too many failed logins; try again later.\"}", response);
        assertEquals("30", response.headers().firstValue("Retry-After").orElse(""));
    }

    @Test
    void unavailableDependency_is503WithTheSafeMessage_andLogsNoSecretDetail() {
        try (CapturedLog log = CapturedLog.of(ErrorHandling.class)) {
            var response = api.send(api.request("POST", "/api/v1/login",
                    "{\"username\": \"unavailable\", \"password\": \"p\"}"));

            assertJson(503, "{\"message\": \"The database is not reachable.\"}", response);
            assertTrue(log.text().contains("POST /api/v1/login failed: " + AapfException.class.getName()), log.text());
            assertFalse(log.text().contains("secret"), log.text());
        }
    }

    @Test
    void unexpectedFailure_is500WithoutDetails_andLogsWhereWithoutMessageOrStackTrace() {
        try (CapturedLog log = CapturedLog.of(ErrorHandling.class)) {
            var response = api.send(api.request("POST", "/api/v1/login", "{\"username\": \"crash\", \"password\": \"p\"}"));

            assertJson(500, "{\"message\": \"Internal server error.\"}", response);
            assertTrue(log.text().contains("POST /api/v1/login failed: java.lang.IllegalStateException at "
                    + FakeAccounts.class.getName() + ".login("), log.text());
            assertFalse(log.text().contains("secret"), log.text());
            assertFalse(log.text().contains("\tat "), log.text());
        }
    }
}

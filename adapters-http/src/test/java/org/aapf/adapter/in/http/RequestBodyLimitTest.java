package org.aapf.adapter.in.http;

import static org.aapf.adapter.in.http.ApiTestServer.assertJson;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.ByteArrayInputStream;
import java.net.http.HttpRequest.BodyPublishers;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class RequestBodyLimitTest {

    private static final int ONE_MIB = 1024 * 1024;
    private static final String TOO_LARGE = "{\"message\": \"Request body must be at most 1048576 bytes.\"}";

    private final ApiTestServer api = new ApiTestServer();

    @AfterEach
    void stop() {
        api.close();
    }

    @Test
    void givenContentLengthOverOneMiB_is413() {
        var response = api.send(api.request("POST", "/api/v1/login", null)
                .POST(BodyPublishers.ofByteArray(loginWithPasswordOf(ONE_MIB)))
                .header("Content-Type", "application/json"));

        assertJson(413, TOO_LARGE, response);
        assertEquals("close", response.headers().firstValue("Connection").orElse(""), "the unread rest is not drained");
    }

    @Test
    void givenChunkedBodyOverOneMiB_is413() {
        byte[] body = loginWithPasswordOf(ONE_MIB);
        var response = api.send(api.request("POST", "/api/v1/login", null)
                .POST(BodyPublishers.ofInputStream(() -> new ByteArrayInputStream(body)))
                .header("Content-Type", "application/json"));

        assertJson(413, TOO_LARGE, response);
    }

    @Test
    void bodyJustUnderTheLimitIsRead() {
        byte[] body = loginWithPasswordOf(ONE_MIB - 100);
        var response = api.send(api.request("POST", "/api/v1/login", null)
                .POST(BodyPublishers.ofInputStream(() -> new ByteArrayInputStream(body)))
                .header("Content-Type", "application/json"));

        assertEquals(401, response.statusCode(), response.body());
    }

    @Test
    void limitComesFromSettings() {
        try (ApiTestServer small = new ApiTestServer(new HttpSettings(10, java.time.ZoneOffset.UTC, false))) {
            var response = small.send(small.request("POST", "/api/v1/login", "{\"username\": \"user1\"}"));

            assertJson(413, "{\"message\": \"Request body must be at most 10 bytes.\"}", response);
        }
    }

    private static byte[] loginWithPasswordOf(int size) {
        char[] password = new char[size];
        Arrays.fill(password, 'x');
        return ("{\"username\": \"user1\", \"password\": \"" + new String(password) + "\"}").getBytes(StandardCharsets.UTF_8);
    }
}

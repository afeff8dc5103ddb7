package org.aapf.bootstrap;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.net.Socket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.stream.StreamSupport;
import org.aapf.bootstrap.support.Api;
import org.aapf.bootstrap.support.Api.Reply;
import org.aapf.bootstrap.support.TestServer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The accounts API of the whole server (H2), exercised the way the reference's curl scripts use it. */
class AccountsApiIT {

    private static TestServer server;
    private static Api api;

    @BeforeAll
    static void start() {
        server = TestServer.start();
        server.addUser("user1", "user1pass");
        server.addUser("user2", "user2pass");
        api = server.api();
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    @Test
    void login_returnsAccessAndRefreshTokens_thatWorkForTheirPurposeOnly() {
        Reply login = api.login("user1", "user1pass");
        assertEquals(200, login.status());
        String access = login.text("accessToken");
        String refresh = login.text("refreshToken");

        assertEquals(200, api.get("/api/v1/api-tokens", access).status());
        assertEquals(401, api.get("/api/v1/api-tokens", refresh).status());
        Reply refreshed = api.post("/api/v1/access-token-refresh", null, "{\"refreshToken\":\"" + refresh + "\"}");
        assertEquals(200, refreshed.status());
        assertEquals(200, api.get("/api/v1/api-tokens", refreshed.text("accessToken")).status());
        assertEquals(401, api.post("/api/v1/access-token-refresh", null, "{\"refreshToken\":\"" + access + "\"}")
                .status());
    }

    @Test
    void unknownUserAndWrongPassword_getTheSameAnswer() {
        Reply unknown = api.login("nobody", "whatever1");
        Reply wrong = api.login("user2", "wrong-password");

        assertEquals(401, unknown.status());
        assertEquals(unknown.raw().body(), wrong.raw().body());
    }

    @Test
    void logout_stopsTheSessionsAccessAndRefreshTokensAtOnce() {
        Reply login = api.login("user1", "user1pass");
        String access = login.text("accessToken");

        Reply logout = api.post("/api/v1/logout", access, "");
        assertEquals(200, logout.status());
        assertEquals("{}", logout.raw().body());

        assertEquals(401, api.get("/api/v1/api-tokens", access).status());
        assertEquals(401, api.post("/api/v1/access-token-refresh", null,
                "{\"refreshToken\":\"" + login.text("refreshToken") + "\"}").status());
    }

    @Test
    void apiTokens_createListGetDelete_andTheSecretWorksUntilDeleted() {
        String access = api.login("user2", "user2pass").text("accessToken");

        Reply created = api.post("/api/v1/api-tokens/script%20token", access, "{\"password\":\"user2pass\"}");
        assertEquals(200, created.status());
        assertEquals("script token", created.body().path("apiToken").path("tokenName").asText());
        String secret = created.body().path("apiToken").path("token").asText();
        assertTrue(created.body().path("apiToken").path("createdAt").asText()
                .matches("\\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\d\\.\\d{6}\\+00:00"));

        assertEquals(400, api.post("/api/v1/api-tokens/script%20token", access, "{\"password\":\"user2pass\"}")
                .status());
        assertEquals(401, api.post("/api/v1/api-tokens/other", access, "{\"password\":\"wrong-pass\"}").status());
        Reply list = api.get("/api/v1/api-tokens", secret);
        assertEquals(200, list.status());
        List<String> names = StreamSupport.stream(list.body().path("apiTokens").spliterator(), false)
                .map(token -> token.path("tokenName").asText()).toList();
        assertTrue(names.contains("script token"));
        assertFalse(list.raw().body().contains(secret));
        Reply one = api.get("/api/v1/api-tokens/script%20token", access);
        assertEquals(200, one.status());
        assertTrue(one.body().path("apiToken").path("token").isMissingNode());

        assertEquals("{}", api.delete("/api/v1/api-tokens/script%20token", access).raw().body());
        assertEquals(401, api.get("/api/v1/api-tokens", secret).status());
        assertEquals(404, api.get("/api/v1/api-tokens/script%20token", access).status());
    }

    @Test
    void anotherUsersToken_isNotFound() {
        String user1 = api.login("user1", "user1pass").text("accessToken");
        String user2 = api.login("user2", "user2pass").text("accessToken");
        assertEquals(200, api.post("/api/v1/api-tokens/mine", user1, "{\"password\":\"user1pass\"}").status());

        assertEquals(404, api.get("/api/v1/api-tokens/mine", user2).status());
        assertEquals(404, api.delete("/api/v1/api-tokens/mine", user2).status());
        assertEquals(200, api.get("/api/v1/api-tokens/mine", user1).status());
    }

    @Test
    void passwordChange_revokesEverySessionOfTheUser() {
        server.addUser("changer", "first-password");
        Reply first = api.login("changer", "first-password");
        Reply second = api.login("changer", "first-password");

        Reply changed = api.put("/api/v1/password", second.text("accessToken"),
                "{\"oldPassword\":\"first-password\",\"newPassword\":\"second-password\"}");

        assertEquals(200, changed.status());
        assertEquals("Your password has been changed !", changed.text("message"));
        assertEquals(401, api.get("/api/v1/api-tokens", first.text("accessToken")).status());
        assertEquals(401, api.post("/api/v1/access-token-refresh", null,
                "{\"refreshToken\":\"" + first.text("refreshToken") + "\"}").status());
        assertEquals(401, api.login("changer", "first-password").status());
        assertEquals(200, api.login("changer", "second-password").status());
    }

    @Test
    void badInput_isAClearJsonError() throws IOException {
        Reply malformed = api.post("/api/v1/login", null, "{\"username\": ");
        assertEquals(400, malformed.status());
        assertFalse(malformed.text("message").isBlank());
        assertEquals(404, api.get("/api/v1/no-such-thing", api.login("user1", "user1pass").text("accessToken"))
                .status());
        assertEquals("HTTP/1.1 413", statusOfOversizedLogin());
    }

    /**
     * Announces a 2 MiB login body and reads the answer before sending any of it: the server refuses by the length
     * alone. (Sending the body first races the server's close, and a client may then see a reset instead of the 413.)
     */
    private static String statusOfOversizedLogin() throws IOException {
        URI base = URI.create(server.baseUrl());
        try (Socket socket = new Socket(base.getHost(), base.getPort())) {
            socket.setSoTimeout(10_000);
            String head = "POST /api/v1/login HTTP/1.1\r\nHost: " + base.getAuthority()
                    + "\r\nContent-Type: application/json\r\nContent-Length: " + 2 * 1024 * 1024 + "\r\n\r\n";
            socket.getOutputStream().write(head.getBytes(StandardCharsets.US_ASCII));
            socket.getOutputStream().flush();
            String statusLine = new BufferedReader(new InputStreamReader(socket.getInputStream(),
                    StandardCharsets.US_ASCII)).readLine();
            return statusLine == null ? "" : statusLine.substring(0, Math.min(12, statusLine.length()));
        }
    }
}

package org.aapf.bootstrap;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Map;
import org.aapf.bootstrap.support.Api;
import org.aapf.bootstrap.support.Api.Reply;
import org.aapf.bootstrap.support.ServersOnPostgres;
import org.aapf.bootstrap.support.TestServer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Two server processes' worth of AAPF on one PostgreSQL schema: sessions, secrets and revocations are shared. */
class SessionsAcrossServersPostgresIT {

    private static ServersOnPostgres servers;
    private static TestServer first;
    private static TestServer second;

    @BeforeAll
    static void start() {
        servers = ServersOnPostgres.start(2, Map.of());
        first = servers.server(0);
        second = servers.server(1);
        first.addUser("user1", "user1pass");
    }

    @AfterAll
    static void stop() {
        servers.close();
    }

    @Test
    void tokenIssuedByOneServer_worksOnTheOther_untilLoggedOutOnEither() {
        Api a = first.api();
        Api b = second.api();
        Reply login = a.login("user1", "user1pass");
        String access = login.text("accessToken");
        assertEquals(200, b.get("/api/v1/api-tokens", access).status());

        assertEquals(200, b.post("/api/v1/logout", access, "").status());

        assertEquals(401, a.get("/api/v1/api-tokens", access).status());
        assertEquals(401, a.post("/api/v1/access-token-refresh", null,
                "{\"refreshToken\":\"" + login.text("refreshToken") + "\"}").status());
    }

    @Test
    void apiTokenDeletedOnOneServer_stopsOnTheOtherAtOnce() {
        String access = first.api().login("user1", "user1pass").text("accessToken");
        String secret = first.api().post("/api/v1/api-tokens/shared", access, "{\"password\":\"user1pass\"}")
                .body().path("apiToken").path("token").asText();
        assertEquals(200, second.api().get("/api/v1/api-tokens", secret).status());

        assertEquals(200, second.api().delete("/api/v1/api-tokens/shared", access).status());

        assertEquals(401, first.api().get("/api/v1/api-tokens", secret).status());
    }

    @Test
    void failedLogins_areThrottledAcrossServers() {
        first.addUser("target", "target-password");
        int throttled = 0;
        for (int attempt = 0; attempt < 8; attempt++) {
            TestServer server = attempt % 2 == 0 ? first : second;
            Reply reply = server.api().login("target", "wrong-password-" + attempt);
            if (reply.status() == 429) {
                throttled++;
                assertEquals(true, reply.raw().headers().firstValue("Retry-After").isPresent());
            }
        }
        assertEquals(true, throttled > 0, "some attempts must be throttled");
        assertEquals(429, second.api().login("target", "target-password").status());
    }
}

package org.aapf.adapter.in.http;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.http.HttpResponse;
import java.time.Instant;
import java.util.List;
import org.aapf.domain.audit.AuditEntry;
import org.aapf.domain.audit.AuditEntry.Outcome;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** {@code GET /admin/audit} and the {@link AuditTrail} filter that writes an entry for every changing request. */
class AuditHttpServiceTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String PASSWORD_BODY = "{\"password\": \"user1pass\"}";

    private final ApiTestServer api = new ApiTestServer();

    @AfterEach
    void stop() {
        api.close();
    }

    @Test
    void changingRequestsAreAudited_withCallerTargetAddressAndOutcome_andReadsAreNot() {
        api.send("POST", "/api/v1/api-tokens/ci", PASSWORD_BODY);
        api.send("GET", "/api/v1/api-tokens", null);
        api.send("DELETE", "/api/v1/api-tokens/missing", null);
        api.send("POST", "/api/v1/logout", null);

        List<AuditEntry> entries = api.audit.entries(3);

        assertEquals(List.of("token.create", "token.delete", "logout"),
                entries.stream().map(AuditEntry::action).toList());
        AuditEntry created = entries.getFirst();
        assertEquals("user1", created.actor());
        assertEquals("ci", created.target());
        assertEquals("127.0.0.1", created.address());
        assertEquals(Outcome.SUCCEEDED, created.outcome());
        assertEquals(Outcome.FAILED, entries.get(1).outcome());
        assertEquals("HTTP 404", entries.get(1).detail());
    }

    @Test
    void refusedBearerTokenIsAuditedAsAnonymousRefusal() {
        api.send(api.request("DELETE", "/api/v1/aaclusters/sample", null).header("Authorization", "Bearer nope"));

        AuditEntry entry = api.audit.entries(1).getFirst();

        assertEquals(AuditTrail.ANONYMOUS, entry.actor());
        assertEquals("cluster.delete", entry.action());
        assertEquals(Outcome.REFUSED, entry.outcome());
    }

    @Test
    void noSecretEverReachesTheTrail() {
        api.send("POST", "/api/v1/api-tokens/ci", PASSWORD_BODY);
        api.send("PUT", "/api/v1/password", "{\"oldPassword\": \"user1pass\", \"newPassword\": \"n3w-Secret-pass\"}");

        String trail = api.audit.entries(2).toString();

        for (String secret : List.of("user1pass", "n3w-Secret-pass", "secret-of-ci", FakeAccounts.ACCESS_TOKEN)) {
            assertFalse(trail.contains(secret), secret + " in " + trail);
        }
        assertTrue(trail.contains("password.change"), trail);
    }

    @Test
    void nonAdminsAre403() {
        ApiTestServer.assertJson(403, "{\"message\": \"Only admins may do this.\"}",
                api.send("GET", "/api/v1/admin/audit", null));
    }

    @Test
    void adminsReadPagesByCursor() throws Exception {
        api.audit.callerIsAdmin = true;
        for (int i = 0; i < 3; i++) {
            api.audit.record(new AuditEntry(Instant.parse("2026-12-04T21:00:0" + i + "Z"), "user1", "logout", "",
                    "192.0.2.1", Outcome.SUCCEEDED, ""));
        }

        JsonNode first = body(api.send("GET", "/api/v1/admin/audit?since=2026-12-04T21:00:01Z&limit=1", null));
        JsonNode second = body(api.send("GET", "/api/v1/admin/audit?since=2026-12-04T21:00:01Z&limit=1&cursor="
                + first.path("nextCursor").asText(), null));

        assertEquals("2026-12-04T21:00:01.000000+00:00", first.at("/entries/0/at").asText());
        assertEquals("2026-12-04T21:00:02.000000+00:00", second.at("/entries/0/at").asText());
        assertTrue(second.path("nextCursor").isNull(), second.toString());
        assertEquals("succeeded", second.at("/entries/0/outcome").asText());
    }

    @Test
    void badParametersAre400WithTheirName() throws Exception {
        api.audit.callerIsAdmin = true;

        for (String query : List.of("since=yesterday", "limit=0", "limit=5000", "cursor=abc", "cursor=-1", "sort=id",
                "limit=1&limit=2")) {
            HttpResponse<String> response = api.send("GET", "/api/v1/admin/audit?" + query, null);
            assertEquals(400, response.statusCode(), query + ": " + response.body());
            String parameter = query.substring(0, query.indexOf('='));
            assertTrue(JSON.readTree(response.body()).path("message").asText().contains(parameter), response.body());
        }
    }

    private static JsonNode body(HttpResponse<String> response) throws Exception {
        assertEquals(200, response.statusCode(), response.body());
        return JSON.readTree(response.body());
    }
}

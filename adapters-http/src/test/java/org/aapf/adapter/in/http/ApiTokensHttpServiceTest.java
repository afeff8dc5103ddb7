package org.aapf.adapter.in.http;

import static org.aapf.adapter.in.http.ApiTestServer.assertJson;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class ApiTokensHttpServiceTest {

    private static final String PASSWORD_BODY = "{\"password\": \"user1pass\"}";

    private final ApiTestServer api = new ApiTestServer();

    @AfterEach
    void stop() {
        api.close();
    }

    @Test
    void givenNoTokens_listIsEmpty() {
        assertJson(200, "{\"apiTokens\": []}", api.send("GET", "/api/v1/api-tokens", null));
    }

    @Test
    void create_showsTheSecretOnce() {
        var response = api.send("POST", "/api/v1/api-tokens/APItoken", PASSWORD_BODY);

        assertJson(200, """
                {"apiToken": {"tokenName": "APItoken", "token": "secret-of-APItoken",
                              "createdAt": "2026-11-26T23:30:00.000000+00:00"}}""", response);
    }

    @Test
    void list_showsNamesAndCreationTimesInCreationOrder() {
        api.send("POST", "/api/v1/api-tokens/b", PASSWORD_BODY);
        api.apiTokens.now = Instant.parse("2026-11-27T00:00:01.123456789Z");
        api.send("POST", "/api/v1/api-tokens/a", PASSWORD_BODY);

        assertJson(200, """
                {"apiTokens": [{"tokenName": "b", "createdAt": "2026-11-26T23:30:00.000000+00:00"},
                               {"tokenName": "a", "createdAt": "2026-11-27T00:00:01.123456+00:00"}]}""",
                api.send("GET", "/api/v1/api-tokens", null));
    }

    @Test
    void get_showsNameAndCreationTimeWithoutSecret() {
        api.send("POST", "/api/v1/api-tokens/APItoken", PASSWORD_BODY);

        assertJson(200, "{\"apiToken\": {\"tokenName\": \"APItoken\", \"createdAt\": \"2026-11-26T23:30:00.000000+00:00\"}}",
                api.send("GET", "/api/v1/api-tokens/APItoken", null));
    }

    @Test
    void delete_returnsEmptyObjectAndTheTokenIsGone() {
        api.send("POST", "/api/v1/api-tokens/APItoken", PASSWORD_BODY);

        assertJson(200, "{}", api.send("DELETE", "/api/v1/api-tokens/APItoken", null));
        assertJson(404, "{\"message\": \"No API token named 'APItoken'.\"}",
                api.send("GET", "/api/v1/api-tokens/APItoken", null));
    }

    @Test
    void tokenNameWithSpacesPlusAndUnicode_isDecodedFromThePath() {
        String name = "my token+1 ü 日本";
        String path = "/api/v1/api-tokens/" + URLEncoder.encode(name, StandardCharsets.UTF_8).replace("+", "%20");

        api.send("POST", path, PASSWORD_BODY);

        assertJson(200, "{\"apiToken\": {\"tokenName\": \"" + name + "\", \"createdAt\": \"2026-11-26T23:30:00.000000+00:00\"}}",
                api.send("GET", path, null));
    }

    @Test
    void givenDuplicateName_createIs400() {
        api.send("POST", "/api/v1/api-tokens/APItoken", PASSWORD_BODY);

        assertJson(400, "{\"message\": \"An API token named 'APItoken' already exists.\"}",
                api.send("POST", "/api/v1/api-tokens/APItoken", PASSWORD_BODY));
    }

    @Test
    void givenBlankName_createIs400() {
        assertJson(400, "{\"message\": \"'tokenName' must not be blank\"}",
                api.send("POST", "/api/v1/api-tokens/%20%20", PASSWORD_BODY));
    }

    @Test
    void givenWrongPassword_createIs401() {
        assertJson(401, "{\"message\": \"Wrong password.\"}",
                api.send("POST", "/api/v1/api-tokens/APItoken", "{\"password\": \"wrong\"}"));
    }

    @Test
    void givenUnknownName_deleteIs404() {
        assertJson(404, "{\"message\": \"No API token named 'nope'.\"}",
                api.send("DELETE", "/api/v1/api-tokens/nope", null));
    }
}

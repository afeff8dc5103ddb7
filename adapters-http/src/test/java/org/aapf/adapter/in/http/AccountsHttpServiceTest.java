package org.aapf.adapter.in.http;

import static org.aapf.adapter.in.http.ApiTestServer.assertJson;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class AccountsHttpServiceTest {

    private final ApiTestServer api = new ApiTestServer();

    @AfterEach
    void stop() {
        api.close();
    }

    @Test
    void login_returnsAccessAndRefreshToken() {
        var response = api.send(api.request("POST", "/api/v1/login",
                "{\"username\": \"user1\", \"password\": \"user1pass\"}"));

        assertJson(200, "{\"accessToken\": \"access-token-1\", \"refreshToken\": \"refresh-token-1\"}", response);
    }

    @Test
    void login_passesTheTcpPeerAsClientAddress() {
        api.send(api.request("POST", "/api/v1/login", "{\"username\": \"user1\", \"password\": \"user1pass\"}")
                .header("X-Forwarded-For", "203.0.113.9"));

        assertEquals("127.0.0.1", api.accounts.lastLogin.clientAddress());
    }

    @Test
    void givenWrongPassword_loginIs401() {
        var response = api.send(api.request("POST", "/api/v1/login", "{\"username\": \"user1\", \"password\": \"x\"}"));

        assertJson(401, "{\"message\": \"Wrong username or password.\"}", response);
    }

    @Test
    void logout_returnsEmptyObjectAndEndsTheSession() {
        var response = api.send("POST", "/api/v1/logout", null);

        assertJson(200, "{}", response);
        assertTrue(api.accounts.loggedOut);
        assertEquals(401, api.send("GET", "/api/v1/api-tokens", null).statusCode());
    }

    @Test
    void logout_acceptsTheReferenceScriptsEmptyJsonPost() {
        var response = api.send(api.request("POST", "/api/v1/logout", null)
                .header("Content-Type", "application/json")
                .header("Authorization", "Bearer " + FakeAccounts.ACCESS_TOKEN));

        assertJson(200, "{}", response);
    }

    @Test
    void accessTokenRefresh_returnsNewAccessTokenWithoutBearerToken() {
        var response = api.send(api.request("POST", "/api/v1/access-token-refresh",
                "{\"refreshToken\": \"refresh-token-1\"}"));

        assertJson(200, "{\"accessToken\": \"access-token-2\"}", response);
    }

    @Test
    void givenBadRefreshToken_refreshIs401() {
        var response = api.send(api.request("POST", "/api/v1/access-token-refresh", "{\"refreshToken\": \"nope\"}"));

        assertJson(401, "{\"message\": \"Invalid or expired refresh token.\"}", response);
    }

    @Test
    void changePassword_confirmsWithTheReferenceMessage() {
        var response = api.send("PUT", "/api/v1/password",
                "{\"oldPassword\": \"user1pass\", \"newPassword\": \"1234qwer\"}");

        assertJson(200, "{\"message\": \"Your password has been changed !\"}", response);
        assertEquals(FakeAccounts.USER, api.accounts.lastPasswordChange.caller());
        assertEquals("1234qwer", api.accounts.lastPasswordChange.newPassword());
    }

    @Test
    void givenWrongOldPassword_changePasswordIs401() {
        var response = api.send("PUT", "/api/v1/password", "{\"oldPassword\": \"x\", \"newPassword\": \"1234qwer\"}");

        assertJson(401, "{\"message\": \"Wrong old password.\"}", response);
    }
}

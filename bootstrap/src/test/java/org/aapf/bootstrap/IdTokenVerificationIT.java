package org.aapf.bootstrap;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.nimbusds.jwt.SignedJWT;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpRequest.BodyPublishers;
import java.net.http.HttpResponse;
import java.net.http.HttpResponse.BodyHandlers;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.aapf.adapter.out.security.NimbusIdentityProvider;
import org.aapf.adapter.out.security.OidcSettings;
import org.aapf.application.port.out.IdentityProvider.ProvenIdentity;
import org.aapf.bootstrap.support.Keycloak;
import org.aapf.domain.error.AapfException;
import org.aapf.domain.error.ErrorReason;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The ID token checks of {@link NimbusIdentityProvider} against ID tokens a real Keycloak issued (direct grants of
 * the realm's test clients): another client's token, an expired token and a tampered one are refused; a token
 * signed with a key added after the provider's keys were cached (a rotation) is accepted.
 */
@ExtendWith(Keycloak.class)
class IdTokenVerificationIT {

    private static final ObjectMapper JSON = new ObjectMapper();
    private final HttpClient client = HttpClient.newHttpClient();

    private OidcSettings settings(String clientId, String secret) {
        return new OidcSettings("Keycloak", URI.create(Keycloak.get().issuer()), clientId, secret,
                URI.create("http://127.0.0.1:1/api/v1/auth/oidc/callback"), List.of("openid"), "preferred_username",
                "groups", Duration.ZERO, Duration.ofSeconds(10));
    }

    @Test
    void tokenIssuedForAnotherClientIsRefused() throws Exception {
        String otherAppsToken = idToken("other-app", "other-app-secret", "bob", "bob-pass");

        ProvenIdentity forItsOwnClient = new NimbusIdentityProvider(settings("other-app", "other-app-secret"))
                .verify(otherAppsToken, null);
        assertEquals("bob", forItsOwnClient.username(), "the token itself is valid: only the audience differs");
        AapfException refused = assertThrows(AapfException.class,
                () -> new NimbusIdentityProvider(settings("aapf", "aapf-client-secret")).verify(otherAppsToken, null));
        assertEquals(ErrorReason.UNAUTHENTICATED, refused.reason());
    }

    @Test
    void expiredIdTokenIsRefused() throws Exception {
        NimbusIdentityProvider provider = new NimbusIdentityProvider(settings("aapf-short-lived", "short-lived-secret"));
        String token = idToken("aapf-short-lived", "short-lived-secret", "alice", "alice-pass");
        assertEquals("alice", provider.verify(token, null).username(), "accepted while fresh");
        long expiresAt = SignedJWT.parse(token).getJWTClaimsSet().getExpirationTime().getTime();

        Thread.sleep(Math.max(0, expiresAt - System.currentTimeMillis()) + 1_500);

        AapfException refused = assertThrows(AapfException.class, () -> provider.verify(token, null));
        assertEquals(ErrorReason.UNAUTHENTICATED, refused.reason());
    }

    @Test
    void tamperedIdTokenIsRefused() throws Exception {
        String token = idToken("aapf-short-lived", "short-lived-secret", "bob", "bob-pass");
        String[] parts = token.split("\\.");
        String claims = new String(java.util.Base64.getUrlDecoder().decode(parts[1]), StandardCharsets.UTF_8)
                .replace("\"bob\"", "\"eve\"");
        String forged = parts[0] + "." + java.util.Base64.getUrlEncoder().withoutPadding()
                .encodeToString(claims.getBytes(StandardCharsets.UTF_8)) + "." + parts[2];
        NimbusIdentityProvider provider = new NimbusIdentityProvider(settings("aapf-short-lived", "short-lived-secret"));
        assertEquals(ErrorReason.UNAUTHENTICATED,
                assertThrows(AapfException.class, () -> provider.verify(forged, null)).reason());
    }

    @Test
    void keyRotationIsFollowed() throws Exception {
        NimbusIdentityProvider provider = new NimbusIdentityProvider(settings("aapf-short-lived", "short-lived-secret"));
        String before = idToken("aapf-short-lived", "short-lived-secret", "carol", "carol-pass");
        provider.verify(before, null);

        addSigningKey();
        String after = idToken("aapf-short-lived", "short-lived-secret", "carol", "carol-pass");

        assertNotEquals(SignedJWT.parse(before).getHeader().getKeyID(), SignedJWT.parse(after).getHeader().getKeyID(),
                "Keycloak signs with the new key");
        assertEquals("carol", provider.verify(after, null).username(), "the new key is fetched and accepted");
    }

    /** An ID token from the token endpoint (resource owner password grant of a test client). */
    private String idToken(String clientId, String secret, String user, String password) throws Exception {
        JsonNode tokens = JSON.readTree(post(Keycloak.get().issuer() + "/protocol/openid-connect/token",
                Map.of("grant_type", "password", "client_id", clientId, "client_secret", secret, "username", user,
                        "password", password, "scope", "openid"), null));
        return tokens.get("id_token").asText();
    }

    /** Adds an RSA key provider of a higher priority than the realm's, through Keycloak's admin API. */
    private void addSigningKey() throws Exception {
        String admin = JSON.readTree(post(Keycloak.get().baseUrl() + "/realms/master/protocol/openid-connect/token",
                Map.of("grant_type", "password", "client_id", "admin-cli", "username", Keycloak.ADMIN,
                        "password", Keycloak.ADMIN_PASSWORD), null)).get("access_token").asText();
        String realmsUrl = Keycloak.get().baseUrl() + "/admin/realms/" + Keycloak.REALM;
        HttpResponse<String> realm = client.send(HttpRequest.newBuilder(URI.create(realmsUrl))
                .header("Authorization", "Bearer " + admin).build(), BodyHandlers.ofString());
        String realmId = JSON.readTree(realm.body()).get("id").asText();
        String component = """
                {"name": "rotated-rsa", "providerId": "rsa-generated", "providerType": "org.keycloak.keys.KeyProvider",
                 "parentId": "%s", "config": {"priority": ["500"], "keySize": ["2048"], "algorithm": ["RS256"]}}"""
                .formatted(realmId);
        HttpResponse<String> created = client.send(HttpRequest.newBuilder(URI.create(realmsUrl + "/components"))
                .header("Authorization", "Bearer " + admin).header("Content-Type", "application/json")
                .POST(BodyPublishers.ofString(component)).build(), BodyHandlers.ofString());
        assertEquals(201, created.statusCode(), created.body());
    }

    private String post(String address, Map<String, String> form, String token) throws Exception {
        String body = form.entrySet().stream().map(entry -> entry.getKey() + "="
                + URLEncoder.encode(entry.getValue(), StandardCharsets.UTF_8)).collect(Collectors.joining("&"));
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(address))
                .header("Content-Type", "application/x-www-form-urlencoded").POST(BodyPublishers.ofString(body));
        if (token != null) {
            request.header("Authorization", "Bearer " + token);
        }
        HttpResponse<String> response = client.send(request.build(), BodyHandlers.ofString());
        assertEquals(200, response.statusCode(), response.body());
        return response.body();
    }
}

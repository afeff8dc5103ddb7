package org.aapf.adapter.out.security;

import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.Objects;

/**
 * How AAPF talks to its OpenID Connect provider.
 *
 * @param displayName the provider's name on the login button
 * @param issuer the issuer URL; its {@code /.well-known/openid-configuration} names the endpoints and the keys
 * @param clientId this server's client at the provider
 * @param clientSecret the client's secret (sent with HTTP basic authentication to the token endpoint)
 * @param redirectUri {@code <AAPF's public URL>/api/v1/auth/oidc/callback}, registered at the provider
 * @param scopes the scopes asked for; {@code openid} is always among them
 * @param usernameClaim the ID token claim that names the AAPF user at the first sign-on
 * @param groupClaim the ID token claim listing the user's groups (a list of strings, or one string)
 * @param clockSkew how far the provider's clock may be off when {@code exp} and {@code iat} are checked
 * @param timeout connect and read timeout of every request to the provider
 */
public record OidcSettings(String displayName, URI issuer, String clientId, String clientSecret, URI redirectUri,
        List<String> scopes, String usernameClaim, String groupClaim, Duration clockSkew, Duration timeout) {

    public OidcSettings {
        requireText("displayName", displayName);
        Objects.requireNonNull(issuer, "'issuer' must not be null");
        requireText("clientId", clientId);
        requireText("clientSecret", clientSecret);
        Objects.requireNonNull(redirectUri, "'redirectUri' must not be null");
        scopes = List.copyOf(scopes);
        if (!scopes.contains("openid")) {
            throw new IllegalArgumentException("'scopes' must contain openid");
        }
        requireText("usernameClaim", usernameClaim);
        requireText("groupClaim", groupClaim);
        Objects.requireNonNull(clockSkew, "'clockSkew' must not be null");
        if (clockSkew.isNegative()) {
            throw new IllegalArgumentException("'clockSkew' must be >= 0");
        }
        Objects.requireNonNull(timeout, "'timeout' must not be null");
        if (timeout.isNegative() || timeout.isZero()) {
            throw new IllegalArgumentException("'timeout' must be > 0");
        }
    }

    /** This provider with a different client (e.g. to check that tokens of one client are refused by another). */
    public OidcSettings withClient(String id, String secret) {
        return new OidcSettings(displayName, issuer, id, secret, redirectUri, scopes, usernameClaim, groupClaim,
                clockSkew, timeout);
    }

    /** This provider with another tolerance for clock differences. */
    public OidcSettings withClockSkew(Duration skew) {
        return new OidcSettings(displayName, issuer, clientId, clientSecret, redirectUri, scopes, usernameClaim,
                groupClaim, skew, timeout);
    }

    private static void requireText(String field, String value) {
        if (value == null || value.isBlank()) {
            throw new IllegalArgumentException("'" + field + "' must not be blank");
        }
    }

    @Override
    public String toString() {
        return "OidcSettings[issuer=" + issuer + ", clientId=" + clientId + ", clientSecret=redacted, redirectUri="
                + redirectUri + "]";
    }
}

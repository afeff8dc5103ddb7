package org.aapf.application.port.out;

import java.net.URI;
import java.util.Objects;
import java.util.Set;
import org.aapf.domain.user.ExternalIdentity;

/**
 * The organisation's OpenID Connect provider, spoken to with the authorization code flow and PKCE.
 *
 * <p>Contract: {@link #authorizationUri} names the provider's authorization endpoint with this server's client id,
 * redirect URI, scopes, the request's {@code state}, {@code nonce} and the S256 challenge of its code verifier.
 * {@link #redeem} exchanges a code at the provider's token endpoint (client authentication and the code verifier
 * included) and accepts the answer only if its ID token is signed by a key the provider publishes (keys that appear
 * later, after a rotation, are fetched), names the configured issuer, has this client in its audience, has not
 * expired and carries the request's nonce. Implementations never trust a claim of an ID token that failed any of these.
 */
public interface IdentityProvider {

    /** What the login button says: "Log in with {@code displayName}". */
    String displayName();

    /**
     * Where the browser is sent to sign on.
     *
     * @throws org.aapf.domain.error.AapfException {@code UNAVAILABLE} when the provider's metadata cannot be fetched
     */
    URI authorizationUri(SignOnRequest request);

    /**
     * Redeems the code the provider sent the browser back with, and verifies the ID token it answers with.
     *
     * @throws org.aapf.domain.error.AapfException {@code UNAUTHENTICATED} when the provider refuses the code (unknown,
     *     used before, issued to another client or for another verifier) or the ID token fails a check;
     *     {@code UNAVAILABLE} when the provider cannot be reached
     */
    ProvenIdentity redeem(String code, SignOnRequest request);

    /** The secrets of one sign-on attempt, all random and used once. */
    record SignOnRequest(String state, String nonce, String codeVerifier) {
        public SignOnRequest {
            Objects.requireNonNull(state, "'state' must not be null");
            Objects.requireNonNull(nonce, "'nonce' must not be null");
            Objects.requireNonNull(codeVerifier, "'codeVerifier' must not be null");
        }

        @Override
        public String toString() {
            return "SignOnRequest[redacted]";
        }
    }

    /**
     * What a verified ID token says about the user.
     *
     * @param username the configured username claim's value, not yet checked against AAPF's username rules
     * @param groups the configured group claim's values; empty when the token has none
     */
    record ProvenIdentity(ExternalIdentity identity, String username, Set<String> groups) {
        public ProvenIdentity {
            Objects.requireNonNull(identity, "'identity' must not be null");
            Objects.requireNonNull(username, "'username' must not be null");
            groups = Set.copyOf(groups);
        }
    }
}

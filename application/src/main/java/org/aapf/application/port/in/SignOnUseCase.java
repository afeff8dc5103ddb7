package org.aapf.application.port.in;

import java.net.URI;
import java.util.Optional;
import org.aapf.application.port.in.LoginUseCase.TokenPair;

/**
 * Single sign-on with the OpenID Connect provider, in three steps: {@link #start} gives the browser the provider's
 * address and a state to keep (a cookie), {@link #complete} takes the code the provider sends back and answers with a
 * one-time code for the browser (never the tokens themselves, so no token ever appears in an address), and
 * {@link #redeem} turns that one-time code into the same access and refresh tokens a password login gives.
 */
public interface SignOnUseCase {

    /** Whether password login is on and which provider, if any, the login page offers. */
    SignOnOptions options();

    /** @throws org.aapf.domain.error.AapfException {@code NOT_FOUND} when no provider is configured */
    SignOnStart start();

    /**
     * @throws org.aapf.domain.error.AapfException {@code INVALID_INPUT} when the state is missing, does not match the
     *     browser's, is unknown, used or expired, or the provider reported an error; {@code UNAUTHENTICATED} when the
     *     provider refuses the code or its ID token is not valid; {@code FORBIDDEN} when the username claim is missing,
     *     is not a valid AAPF username or belongs to another account
     */
    String complete(SignOnCallback callback);

    /** @throws org.aapf.domain.error.AapfException {@code INVALID_INPUT} for a missing, unknown, used or expired code */
    TokenPair redeem(String oneTimeCode);

    /** @param provider the name to show on the login button; empty when single sign-on is not configured */
    record SignOnOptions(boolean passwordLogin, Optional<String> provider) {
    }

    /** @param state to be kept by the browser and compared when it comes back */
    record SignOnStart(URI authorizationUri, String state) {
        @Override
        public String toString() {
            return "SignOnStart[authorizationUri=" + authorizationUri + ", state=redacted]";
        }
    }

    /**
     * What the browser brings back from the provider.
     *
     * @param state the {@code state} query parameter
     * @param browserState the state the browser kept since {@link #start}
     * @param code the authorization code, or null when the provider answered with {@code error}
     * @param error the provider's error code, or null
     * @param clientAddress where the browser's request came from, for the audit trail
     */
    record SignOnCallback(String state, String browserState, String code, String error, String clientAddress) {
        @Override
        public String toString() {
            return "SignOnCallback[redacted, error=" + error + "]";
        }
    }
}

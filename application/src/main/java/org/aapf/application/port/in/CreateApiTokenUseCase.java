package org.aapf.application.port.in;

import java.time.Instant;

/** Creates a named API token after re-checking the caller's password; the secret is returned only here. */
public interface CreateApiTokenUseCase {

    /**
     * @throws org.aapf.domain.error.AapfException {@code INVALID_INPUT} for a blank, invalid or duplicate name,
     *     {@code UNAUTHENTICATED} for a wrong password.
     */
    CreatedApiToken create(CreateApiTokenCommand command);

    /** @param password the caller's password; may be null for a single sign-on user calling with an access token */
    record CreateApiTokenCommand(AuthenticatedUser caller, String tokenName, String password) {
    }

    record CreatedApiToken(String tokenName, String token, Instant createdAt) {

        @Override
        public String toString() {
            return "CreatedApiToken[tokenName=" + tokenName + ", token=redacted, createdAt=" + createdAt + "]";
        }
    }
}

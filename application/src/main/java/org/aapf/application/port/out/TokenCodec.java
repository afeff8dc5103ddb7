package org.aapf.application.port.out;

import java.time.Instant;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;
import org.aapf.domain.user.UserId;

/**
 * Signs and verifies the bearer tokens AAPF hands out. The signing algorithm and secret are the server's; a token's
 * own header never chooses them.
 */
public interface TokenCodec {

    /** Signs the claims into a token string. */
    String issue(Claims claims);

    /**
     * Verifies signature, issuer, expiry and that the token is of the {@code expected} kind.
     *
     * @return the claims, or empty for anything not valid (malformed, forged, {@code alg: none}, expired, wrong kind)
     */
    Optional<Claims> verify(String token, Kind expected);

    /** The kinds of token; a token of one kind is never accepted where another is expected. */
    enum Kind { ACCESS, REFRESH, API }

    /**
     * What a token says.
     *
     * @param id the session id (access and refresh tokens) or the API token id
     * @param expiresAt empty for API tokens, which never expire
     */
    record Claims(Kind kind, UserId subject, String username, UUID id, Instant issuedAt, Optional<Instant> expiresAt) {

        public Claims {
            Objects.requireNonNull(kind, "'kind' must not be null");
            Objects.requireNonNull(subject, "'subject' must not be null");
            Objects.requireNonNull(username, "'username' must not be null");
            Objects.requireNonNull(id, "'id' must not be null");
            Objects.requireNonNull(issuedAt, "'issuedAt' must not be null");
            Objects.requireNonNull(expiresAt, "'expiresAt' must not be null");
        }
    }
}

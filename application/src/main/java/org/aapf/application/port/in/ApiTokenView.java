package org.aapf.application.port.in;

import java.time.Instant;
import java.util.Optional;
import org.aapf.domain.token.ApiToken;

/** What a user may see of one of their API tokens (never the secret). */
public record ApiTokenView(String tokenName, Instant createdAt, Optional<Instant> lastUsedAt) {

    public static ApiTokenView from(ApiToken token) {
        return new ApiTokenView(token.name().value(), token.createdAt(), token.lastUsedAt());
    }
}

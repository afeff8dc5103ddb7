package org.aapf.domain.session;

import java.util.Objects;
import java.util.UUID;

/** Identifies one login session; carried inside its access and refresh tokens. */
public record SessionId(UUID value) {

    public SessionId {
        Objects.requireNonNull(value, "'sessionId' must not be null");
    }

    public static SessionId random() {
        return new SessionId(UUID.randomUUID());
    }

    public static SessionId parse(String text) {
        return new SessionId(UUID.fromString(text));
    }

    @Override
    public String toString() {
        return value.toString();
    }
}

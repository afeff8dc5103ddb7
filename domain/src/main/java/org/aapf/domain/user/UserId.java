package org.aapf.domain.user;

import java.util.Objects;
import java.util.UUID;

/** Identifies a user; stable even when the username is reused after removal. */
public record UserId(UUID value) {

    public UserId {
        Objects.requireNonNull(value, "'userId' must not be null");
    }

    public static UserId random() {
        return new UserId(UUID.randomUUID());
    }

    public static UserId parse(String text) {
        return new UserId(UUID.fromString(text));
    }

    @Override
    public String toString() {
        return value.toString();
    }
}

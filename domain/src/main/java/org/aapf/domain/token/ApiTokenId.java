package org.aapf.domain.token;

import java.util.Objects;
import java.util.UUID;

/** Identifies an API token; carried inside the token itself. */
public record ApiTokenId(UUID value) {

    public ApiTokenId {
        Objects.requireNonNull(value, "'apiTokenId' must not be null");
    }

    public static ApiTokenId random() {
        return new ApiTokenId(UUID.randomUUID());
    }

    public static ApiTokenId parse(String text) {
        return new ApiTokenId(UUID.fromString(text));
    }

    @Override
    public String toString() {
        return value.toString();
    }
}

package org.aapf.domain.user;

import java.util.Objects;

/** A password hash in PHC string format (for example {@code $argon2id$v=19$m=19456,t=2,p=1$...}). */
public record PasswordHash(String phc) {

    public PasswordHash {
        Objects.requireNonNull(phc, "'passwordHash' must not be null");
        if (!phc.startsWith("$")) {
            throw new IllegalArgumentException("'passwordHash' must be a PHC string");
        }
    }

    @Override
    public String toString() {
        return "PasswordHash[redacted]";
    }
}

package org.aapf.domain.user;

import java.nio.charset.StandardCharsets;
import org.aapf.domain.error.AapfException;

/**
 * A plain-text password as a user typed it. Never logged ({@link #toString()} is redacted). Passwords longer than
 * {@link #MAX_BYTES} UTF-8 bytes are refused before any hashing, so a huge body cannot buy expensive work.
 */
public record Password(String value) {

    public static final int MIN_LENGTH = 8;
    public static final int MAX_BYTES = 4096;

    public Password {
        if (value == null || value.isEmpty()) {
            throw AapfException.invalid("'password' must not be empty");
        }
        if (value.getBytes(StandardCharsets.UTF_8).length > MAX_BYTES) {
            throw AapfException.invalid("'password' must be at most " + MAX_BYTES + " bytes");
        }
    }

    /** A password a user wants to set: also at least {@link #MIN_LENGTH} characters. */
    public static Password newPassword(String field, String value) {
        Password password = new Password(value);
        if (value.codePointCount(0, value.length()) < MIN_LENGTH) {
            throw AapfException.invalid("'" + field + "' must be at least " + MIN_LENGTH + " characters");
        }
        return password;
    }

    @Override
    public String toString() {
        return "Password[redacted]";
    }
}

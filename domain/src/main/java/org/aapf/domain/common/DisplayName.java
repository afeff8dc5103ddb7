package org.aapf.domain.common;

import org.aapf.domain.error.AapfException;

/** The rule API names follow (token names, cluster names): 1–512 characters, not blank, no control characters, no '/'. */
public final class DisplayName {

    public static final int MAX_LENGTH = 512;

    private DisplayName() {
    }

    /** Returns {@code value} when it is a valid name, otherwise throws an {@code INVALID_INPUT} error naming {@code field}. */
    public static String require(String field, String value) {
        if (value == null || value.isBlank()) {
            throw AapfException.invalid("'" + field + "' must not be blank");
        }
        if (value.codePointCount(0, value.length()) > MAX_LENGTH) {
            throw AapfException.invalid("'" + field + "' must be at most " + MAX_LENGTH + " characters");
        }
        if (value.indexOf('/') >= 0) {
            throw AapfException.invalid("'" + field + "' must not contain '/'");
        }
        if (value.codePoints().anyMatch(Character::isISOControl)) {
            throw AapfException.invalid("'" + field + "' must not contain control characters");
        }
        return value;
    }
}

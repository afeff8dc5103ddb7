package org.aapf.domain.common;

import org.aapf.domain.error.AapfException;

/**
 * The rule API names follow (token names, cluster names): 1–512 characters, not blank, no control characters, no
 * format characters (Unicode category Cf: bidi overrides, zero-width joiners and spaces, which make two names look
 * alike or a name read backwards), no '/'.
 */
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
        if (hasControlCharacter(value)) {
            throw AapfException.invalid("'" + field + "' must not contain control characters");
        }
        if (hasFormatCharacter(value)) {
            throw AapfException.invalid("'" + field
                    + "' must not contain invisible format characters (such as bidi overrides or zero-width spaces)");
        }
        return value;
    }

    /** True when {@code value} holds a character of Unicode category Cf (format). */
    public static boolean hasFormatCharacter(String value) {
        for (int i = 0; i < value.length(); ) {
            int c = value.codePointAt(i);
            if (Character.getType(c) == Character.FORMAT) {
                return true;
            }
            i += Character.charCount(c);
        }
        return false;
    }

    private static boolean hasControlCharacter(String value) {
        for (int i = 0; i < value.length(); i++) {
            if (Character.isISOControl(value.charAt(i))) {
                return true; // every control character is in the BMP, never half of a surrogate pair
            }
        }
        return false;
    }
}

package org.aapf.domain.common;

import org.aapf.domain.error.AapfException;

/**
 * The rules API names follow (token names, cluster names). Every name, stored or asked for, has 1–512 characters, is
 * not blank and holds no control character and no '/' ({@link #require}). A name chosen now, for something new, must
 * also ({@link #requireNew}):
 * <ul>
 *   <li>hold no format character (Unicode category Cf: bidi overrides, zero-width joiners and spaces, which make two
 *       names look alike or a name read backwards);</li>
 *   <li>hold no U+FFFD, what a byte that was not UTF-8 became on the way in;</li>
 *   <li>not be {@code .} or {@code ..}: a name is one segment of its URLs ({@code /aaclusters/{name}}), and browsers
 *       and URL libraries drop a segment of dots, even one written {@code %2E}, so nobody could open it there.</li>
 * </ul>
 * Those rules came later, so a name stored before them still reads, and can still be looked up and deleted.
 */
public final class DisplayName {

    public static final int MAX_LENGTH = 512;

    private static final char REPLACEMENT_CHARACTER = '\uFFFD';

    private DisplayName() {
    }

    /**
     * Returns {@code value} when it is a valid name for something new, otherwise throws an {@code INVALID_INPUT} error
     * naming {@code field}.
     */
    public static String requireNew(String field, String value) {
        require(field, value);
        if (hasFormatCharacter(value)) {
            throw AapfException.invalid("'" + field
                    + "' must not contain invisible format characters (such as bidi overrides or zero-width spaces)");
        }
        if (value.indexOf(REPLACEMENT_CHARACTER) >= 0) {
            throw AapfException.invalid("'" + field + "' must be valid UTF-8: it holds U+FFFD, which an undecodable"
                    + " byte becomes");
        }
        if (value.equals(".") || value.equals("..")) {
            throw AapfException.invalid("'" + field + "' must not be '.' or '..'");
        }
        return value;
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
        return value;
    }

    /** True when {@code value} holds a character of Unicode category Cf (format). */
    private static boolean hasFormatCharacter(String value) {
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

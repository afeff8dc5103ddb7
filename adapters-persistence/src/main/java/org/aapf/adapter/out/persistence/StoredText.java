package org.aapf.adapter.out.persistence;

/**
 * Clips free text (alert and event messages, which may quote a backend) to what its column holds, so an unusually
 * long message is shortened instead of failing the whole save.
 */
final class StoredText {

    /** Longest message kept, in characters (code points); the columns are sized for H2's UTF-16 count of it. */
    static final int MAX_MESSAGE = 4096;
    /** Longest alert reason kept, in characters (code points). */
    static final int MAX_REASON = 128;

    private StoredText() {
    }

    static String clip(String text, int maxCodePoints) {
        if (text.length() <= maxCodePoints || text.codePointCount(0, text.length()) <= maxCodePoints) {
            return text;
        }
        return text.substring(0, text.offsetByCodePoints(0, maxCodePoints - 1)) + "…";
    }
}

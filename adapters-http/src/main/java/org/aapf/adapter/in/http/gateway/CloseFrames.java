package org.aapf.adapter.in.http.gateway;

import java.nio.charset.StandardCharsets;

/** Close codes and reasons made legal for the side they are relayed to (RFC 6455 §7.4 and JDK client rules). */
final class CloseFrames {

    static final int NORMAL = 1000;
    static final int UNEXPECTED_CONDITION = 1011;
    private static final int MAX_REASON_BYTES = 123;

    private CloseFrames() {
    }

    /** A code the JDK WebSocket client accepts to send to the notebook. */
    static int toNotebook(int code) {
        boolean allowed = code == NORMAL || code == 1001 || code == 1008 || code == UNEXPECTED_CONDITION
                || (code >= 3000 && code <= 4999);
        return allowed ? code : NORMAL;
    }

    /** A code that may appear on the wire to the browser (never 1005, 1006 or 1015, which only report). */
    static int toBrowser(int code) {
        boolean allowed = (code >= NORMAL && code <= 1014 && code != 1004 && code != 1005 && code != 1006)
                || (code >= 3000 && code <= 4999);
        return allowed ? code : NORMAL;
    }

    /** A reason that fits a control frame (125 bytes minus the code). */
    static String reason(String reason) {
        if (reason == null) {
            return "";
        }
        String result = reason;
        while (result.getBytes(StandardCharsets.UTF_8).length > MAX_REASON_BYTES) {
            result = result.substring(0, result.length() - 1);
        }
        return result;
    }
}

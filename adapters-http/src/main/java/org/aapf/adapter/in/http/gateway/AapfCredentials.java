package org.aapf.adapter.in.http.gateway;

import java.util.Optional;
import java.util.StringJoiner;

/**
 * AAPF's own credentials, which a notebook must never see: an {@code Authorization: Bearer ...} header (AAPF's
 * scheme; Jupyter's is {@code Authorization: token ...}, which passes) and any cookie whose name starts with
 * {@code aapf} (the prefix AAPF keeps for its cookies). Dropped from every request before it is forwarded, HTTP and
 * WebSocket, on either proxy path.
 */
final class AapfCredentials {

    private static final String BEARER = "bearer";
    private static final String COOKIE_PREFIX = "aapf";

    private AapfCredentials() {
    }

    /** The header's value to forward, without AAPF's credentials; empty when nothing of it may go on. */
    static Optional<String> strip(String name, String value) {
        if (name.equalsIgnoreCase("Authorization")) {
            String scheme = value.strip();
            boolean bearer = scheme.regionMatches(true, 0, BEARER, 0, BEARER.length())
                    && (scheme.length() == BEARER.length() || Character.isWhitespace(scheme.charAt(BEARER.length())));
            return bearer ? Optional.empty() : Optional.of(value);
        }
        if (name.equalsIgnoreCase("Cookie")) {
            return withoutAapfCookies(value);
        }
        return Optional.of(value);
    }

    private static Optional<String> withoutAapfCookies(String header) {
        StringJoiner kept = new StringJoiner("; ");
        boolean dropped = false;
        for (String pair : header.split(";")) {
            String cookie = pair.strip();
            if (cookie.isEmpty()) {
                continue;
            }
            if (cookie.regionMatches(true, 0, COOKIE_PREFIX, 0, COOKIE_PREFIX.length())) {
                dropped = true;
            } else {
                kept.add(cookie);
            }
        }
        if (!dropped) {
            return Optional.of(header);
        }
        return kept.length() == 0 ? Optional.empty() : Optional.of(kept.toString());
    }
}

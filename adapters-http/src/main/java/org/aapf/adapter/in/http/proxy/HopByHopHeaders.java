package org.aapf.adapter.in.http.proxy;

import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

import io.netty.util.AsciiString;

/**
 * The headers that describe one connection, not the message (RFC 9110 §7.6.1), and so never cross the proxy:
 * the fixed list, any {@code Proxy-*}, and whatever the {@code Connection} header names. Every header of every
 * proxied message is checked, so a check compares names in any case as they are, without lower-casing copies.
 */
final class HopByHopHeaders {

    private static final String PROXY_PREFIX = "proxy-";
    /** The rule of a message whose {@code Connection} header names no other header: most messages. */
    private static final HopByHopHeaders FIXED_ONLY = new HopByHopHeaders(Set.of());

    /** Lower case. */
    private final Set<String> namedInConnection;

    private HopByHopHeaders(Set<String> namedInConnection) {
        this.namedInConnection = namedInConnection;
    }

    /** Builds the rule for one message from the values of its {@code Connection} header(s). */
    static HopByHopHeaders from(List<String> connectionValues) {
        if (connectionValues.isEmpty()) {
            return FIXED_ONLY;
        }
        Set<String> named = new HashSet<>();
        for (String value : connectionValues) {
            for (String token : value.split(",")) {
                String name = token.strip().toLowerCase(Locale.ROOT);
                if (!name.isEmpty() && !isFixed(name)) {
                    named.add(name);
                }
            }
        }
        return named.isEmpty() ? FIXED_ONLY : new HopByHopHeaders(named);
    }

    /** Whether the header {@code name} (in any case) stays on its connection. */
    boolean isHopByHop(CharSequence name) {
        return isFixed(name) || !namedInConnection.isEmpty()
                && namedInConnection.contains(name.toString().toLowerCase(Locale.ROOT));
    }

    /** Connection, Keep-Alive, TE, Trailer, Transfer-Encoding, Upgrade, or Proxy-*; told apart by length first. */
    private static boolean isFixed(CharSequence name) {
        boolean fixed = switch (name.length()) {
            case 2 -> is(name, "te");
            case 7 -> is(name, "trailer") || is(name, "upgrade");
            case 10 -> is(name, "connection") || is(name, "keep-alive");
            case 17 -> is(name, "transfer-encoding");
            default -> false;
        };
        return fixed || AsciiString.regionMatches(name, true, 0, PROXY_PREFIX, 0, PROXY_PREFIX.length());
    }

    private static boolean is(CharSequence name, String lowerCase) {
        return AsciiString.contentEqualsIgnoreCase(name, lowerCase);
    }
}

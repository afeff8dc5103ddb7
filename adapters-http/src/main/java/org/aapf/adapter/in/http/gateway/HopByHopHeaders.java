package org.aapf.adapter.in.http.gateway;

import java.util.Collections;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

/**
 * The headers that describe one connection, not the message (RFC 9110 §7.6.1), and so never cross the proxy:
 * the fixed list, any {@code Proxy-*}, and whatever the {@code Connection} header names. Every header of every
 * proxied message is checked, so names are compared in any case as they are, without lower-cased copies.
 */
final class HopByHopHeaders {

    private static final Set<String> FIXED = names(
            "connection", "keep-alive", "te", "trailer", "transfer-encoding", "upgrade");
    private static final String PROXY_PREFIX = "proxy-";
    /** The rule of a message whose {@code Connection} header names no other header: most messages. */
    private static final HopByHopHeaders FIXED_ONLY = new HopByHopHeaders(Set.of());

    private final Set<String> namedInConnection;

    private HopByHopHeaders(Set<String> namedInConnection) {
        this.namedInConnection = namedInConnection;
    }

    /** A set of header names that matches a name in any case. */
    static Set<String> names(String... names) {
        Set<String> set = new TreeSet<>(String.CASE_INSENSITIVE_ORDER);
        Collections.addAll(set, names);
        return Collections.unmodifiableSet(set);
    }

    /** Builds the rule for one message from the values of its {@code Connection} header(s). */
    static HopByHopHeaders from(List<String> connectionValues) {
        if (connectionValues.isEmpty()) {
            return FIXED_ONLY;
        }
        Set<String> named = new TreeSet<>(String.CASE_INSENSITIVE_ORDER);
        for (String value : connectionValues) {
            for (String token : value.split(",")) {
                String name = token.strip();
                if (!name.isEmpty() && !FIXED.contains(name)) {
                    named.add(name);
                }
            }
        }
        return named.isEmpty() ? FIXED_ONLY : new HopByHopHeaders(named);
    }

    /** Whether the header {@code name} (in any case) stays on its connection. */
    boolean isHopByHop(CharSequence name) {
        String text = name.toString();
        return FIXED.contains(text) || text.regionMatches(true, 0, PROXY_PREFIX, 0, PROXY_PREFIX.length())
                || namedInConnection.contains(text);
    }
}

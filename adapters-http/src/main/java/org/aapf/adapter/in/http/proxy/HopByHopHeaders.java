package org.aapf.adapter.in.http.proxy;

import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * The headers that describe one connection, not the message (RFC 9110 §7.6.1), and so never cross the proxy:
 * the fixed list, any {@code Proxy-*}, and whatever the {@code Connection} header names.
 */
final class HopByHopHeaders {

    private static final Set<String> ALWAYS = Set.of(
            "connection", "keep-alive", "te", "trailer", "transfer-encoding", "upgrade");

    private final Set<String> namedInConnection;

    private HopByHopHeaders(Set<String> namedInConnection) {
        this.namedInConnection = namedInConnection;
    }

    /** Builds the rule for one message from the values of its {@code Connection} header(s). */
    static HopByHopHeaders from(List<String> connectionValues) {
        Set<String> named = new HashSet<>();
        for (String value : connectionValues) {
            for (String token : value.split(",")) {
                if (!token.isBlank()) {
                    named.add(token.strip().toLowerCase(Locale.ROOT));
                }
            }
        }
        return new HopByHopHeaders(named);
    }

    boolean isHopByHop(String headerName) {
        String name = headerName.toLowerCase(Locale.ROOT);
        return ALWAYS.contains(name) || name.startsWith("proxy-") || namedInConnection.contains(name);
    }
}

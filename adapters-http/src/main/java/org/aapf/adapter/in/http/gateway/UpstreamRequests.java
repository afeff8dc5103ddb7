package org.aapf.adapter.in.http.gateway;

import java.util.List;
import java.util.Map;
import java.util.Set;

import io.netty.handler.codec.http.HttpHeaders;
import org.aapf.adapter.in.http.FrontPeer;

/** Turns what the client sent into what the notebook receives: the end-to-end headers and the forwarding ones. */
final class UpstreamRequests {

    /** Set by the gateway itself, rewritten by it, or meaningful only for the WebSocket handshake. */
    private static final Set<String> NOT_COPIED = HopByHopHeaders.names(
            "host", "content-length", "expect", "origin",
            "x-forwarded-for", "x-forwarded-proto", "x-forwarded-host", FrontPeer.HEADER);
    private static final String WEBSOCKET_PREFIX = "sec-websocket-";

    private UpstreamRequests() {
    }

    /**
     * Adds to {@code out} each end-to-end header of {@code incoming} to pass on (AAPF's credentials taken out), then
     * the notebook's own {@code Origin} in place of an allowed browser's, and the {@code X-Forwarded-*} headers naming
     * {@code clientAddress}.
     */
    static void copyHeaders(HttpHeaders incoming, NotebookAdmission.Admitted admitted, String clientAddress,
                            HttpHeaders out) {
        HopByHopHeaders hopByHop = HopByHopHeaders.from(valuesOf(incoming, "Connection"));
        for (Map.Entry<String, String> header : incoming) {
            String name = header.getKey();
            if (!hopByHop.isHopByHop(name) && !NOT_COPIED.contains(name)
                    && !name.regionMatches(true, 0, WEBSOCKET_PREFIX, 0, WEBSOCKET_PREFIX.length())) {
                AapfCredentials.strip(name, header.getValue()).ifPresent(kept -> out.add(name, kept));
            }
        }
        if (incoming.contains("Origin")) {
            // The gateway already applied the AAPF origin policy; the notebook compares Origin with its own Host.
            out.add("Origin", admitted.upstreamOrigin());
        }
        List<String> priorFor = valuesOf(incoming, "X-Forwarded-For");
        out.add("X-Forwarded-For", priorFor.isEmpty() ? clientAddress
                : String.join(", ", priorFor) + ", " + clientAddress);
        String proto = incoming.get("X-Forwarded-Proto");
        out.add("X-Forwarded-Proto", proto != null ? proto : "http");
        String host = incoming.get("X-Forwarded-Host");
        if (host == null) {
            host = incoming.get("Host");
        }
        if (host != null) {
            out.add("X-Forwarded-Host", host);
        }
    }

    /** Every value of the header {@code name}; most asked for are absent, and then no list is made. */
    static List<String> valuesOf(HttpHeaders headers, CharSequence name) {
        return headers.contains(name) ? headers.getAll(name) : List.of();
    }
}

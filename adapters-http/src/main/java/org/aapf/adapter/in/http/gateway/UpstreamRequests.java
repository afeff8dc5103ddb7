package org.aapf.adapter.in.http.gateway;

import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.function.BiConsumer;

import org.aapf.adapter.in.http.FrontPeer;

/** Turns what the client sent into what the notebook receives: the end-to-end headers and the forwarding ones. */
final class UpstreamRequests {

    /** Set by the HTTP client itself, rewritten by the proxy, or meaningful only for the WebSocket handshake. */
    private static final Set<String> NOT_COPIED = HopByHopHeaders.names(
            "host", "content-length", "expect", "origin",
            "x-forwarded-for", "x-forwarded-proto", "x-forwarded-host", FrontPeer.HEADER);
    private static final String WEBSOCKET_PREFIX = "sec-websocket-";

    private UpstreamRequests() {
    }

    /** Calls {@code sink} for each end-to-end header to pass on, then for the rewritten and forwarding headers. */
    static void copyHeaders(HeaderView incoming, NotebookAdmission.Admitted admitted, Forwarding forwarding,
                            HeaderSink sink) {
        HopByHopHeaders hopByHop = HopByHopHeaders.from(incoming.values("Connection"));
        incoming.forEach((name, value) -> {
            if (!hopByHop.isHopByHop(name) && !NOT_COPIED.contains(name)
                    && !name.regionMatches(true, 0, WEBSOCKET_PREFIX, 0, WEBSOCKET_PREFIX.length())) {
                AapfCredentials.strip(name, value).ifPresent(kept -> sink.add(name, kept));
            }
        });
        if (incoming.first("Origin").isPresent()) {
            // The proxy already applied the AAPF origin policy; the notebook compares Origin with its own Host.
            sink.add("Origin", admitted.upstreamOrigin());
        }
        forwardingHeaders(incoming, forwarding, sink);
    }

    private static void forwardingHeaders(HeaderView incoming, Forwarding forwarding, HeaderSink sink) {
        List<String> priorFor = incoming.values("X-Forwarded-For");
        forwarding.clientAddress().ifPresent(client -> sink.add("X-Forwarded-For",
                priorFor.isEmpty() ? client : String.join(", ", priorFor) + ", " + client));
        incoming.first("X-Forwarded-Proto").or(forwarding::scheme)
                .ifPresent(proto -> sink.add("X-Forwarded-Proto", proto));
        incoming.first("X-Forwarded-Host").or(() -> incoming.first("Host"))
                .ifPresent(host -> sink.add("X-Forwarded-Host", host));
    }

    /** A request's headers as the proxy reads them: as the gateway's codec parsed them. */
    interface HeaderView {

        /** Calls {@code action} with each name and value, a header with several values once per value. */
        void forEach(BiConsumer<String, String> action);

        /** Every value of the header {@code name} (case-insensitive). */
        List<String> values(String name);

        default Optional<String> first(String name) {
            List<String> values = values(name);
            return values.isEmpty() ? Optional.empty() : Optional.of(values.getFirst());
        }
    }

    /** What the proxy knows about the client connection ({@code empty}: unknown). */
    record Forwarding(Optional<String> clientAddress, Optional<String> scheme) {
    }

    /** Receives one header to send upstream. */
    @FunctionalInterface
    interface HeaderSink {
        void add(String name, String value);
    }
}

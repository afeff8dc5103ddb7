package org.aapf.adapter.in.http.proxy;

import java.net.URI;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

import io.helidon.http.Header;
import io.helidon.http.HeaderNames;
import io.helidon.http.Headers;

/** Turns what the client sent into what the notebook receives: target URI and the end-to-end headers. */
final class UpstreamRequests {

    /** Set by the HTTP client itself, rewritten by the proxy, or meaningful only for the WebSocket handshake. */
    private static final Set<String> NOT_COPIED = Set.of(
            "host", "content-length", "expect", "origin",
            "x-forwarded-for", "x-forwarded-proto", "x-forwarded-host");

    private UpstreamRequests() {
    }

    /** {@code http://host:port} + the raw path and query exactly as the client sent them. */
    static URI target(String scheme, ProxyAdmission.Admitted admitted, String rawQuery) {
        String query = rawQuery == null || rawQuery.isEmpty() ? "" : "?" + rawQuery;
        try {
            return URI.create(scheme + "://" + admitted.hostPort() + admitted.path().rawPath() + query);
        } catch (IllegalArgumentException e) {
            throw ProxyRefusal.badPath();
        }
    }

    /**
     * The request target ({@code /raw/path?raw=query}) exactly as the client sent it: a proxy must not decode,
     * re-encode or reorder anything on the way.
     */
    static String requestTarget(ProxyAdmission.Admitted admitted, String rawQuery) {
        String path = admitted.path().rawPath();
        return rawQuery == null || rawQuery.isEmpty() ? path : path + "?" + rawQuery;
    }

    /** Calls {@code sink} for each end-to-end header to pass on, then for the rewritten and forwarding headers. */
    static void copyHeaders(Headers incoming, ProxyAdmission.Admitted admitted, Forwarding forwarding, HeaderSink sink) {
        HopByHopHeaders hopByHop = HopByHopHeaders.from(incoming.values(HeaderNames.CONNECTION));
        for (Header header : incoming) {
            String name = header.name().toLowerCase(Locale.ROOT);
            if (hopByHop.isHopByHop(name) || NOT_COPIED.contains(name) || name.startsWith("sec-websocket-")) {
                continue;
            }
            for (String value : header.allValues()) {
                sink.add(header.name(), value);
            }
        }
        if (incoming.contains(HeaderNames.ORIGIN)) {
            // The proxy already applied the AAPF origin policy; the notebook compares Origin with its own Host.
            sink.add("Origin", admitted.upstreamOrigin());
        }
        forwardingHeaders(incoming, forwarding, sink);
    }

    private static void forwardingHeaders(Headers incoming, Forwarding forwarding, HeaderSink sink) {
        List<String> priorFor = incoming.values(HeaderNames.X_FORWARDED_FOR);
        forwarding.clientAddress().ifPresent(client -> sink.add("X-Forwarded-For",
                priorFor.isEmpty() ? client : String.join(", ", priorFor) + ", " + client));
        incoming.first(HeaderNames.X_FORWARDED_PROTO).or(forwarding::scheme)
                .ifPresent(proto -> sink.add("X-Forwarded-Proto", proto));
        incoming.first(HeaderNames.X_FORWARDED_HOST).or(() -> incoming.first(HeaderNames.HOST))
                .ifPresent(host -> sink.add("X-Forwarded-Host", host));
    }

    /** What the proxy knows about the client connection ({@code empty} when Helidon does not tell). */
    record Forwarding(Optional<String> clientAddress, Optional<String> scheme) {
    }

    /** Receives one header to send upstream. */
    @FunctionalInterface
    interface HeaderSink {
        void add(String name, String value);
    }
}

package org.aapf.adapter.in.http;

import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import io.helidon.http.HeaderNames;
import io.helidon.webserver.http.ServerRequest;

/**
 * The network address of the client, for login throttling: the TCP peer, or behind a trusted proxy the last hop of
 * {@code X-Forwarded-For} (the one the proxy added itself; earlier hops are whatever the client chose to send).
 */
final class ClientAddress {

    private final boolean trustForwardedFor;

    ClientAddress(boolean trustForwardedFor) {
        this.trustForwardedFor = trustForwardedFor;
    }

    String of(ServerRequest req) {
        if (trustForwardedFor) {
            Optional<String> forwarded = lastForwardedHop(req);
            if (forwarded.isPresent()) {
                return forwarded.get();
            }
        }
        return FrontPeer.address(req);
    }

    private static Optional<String> lastForwardedHop(ServerRequest req) {
        List<String> hops = req.headers().values(HeaderNames.X_FORWARDED_FOR).stream()
                .flatMap(value -> Arrays.stream(value.split(",")))
                .map(String::strip)
                .filter(hop -> !hop.isEmpty())
                .toList();
        return hops.isEmpty() ? Optional.empty() : Optional.of(hops.getLast());
    }
}

package org.aapf.adapter.in.http.gateway;

import java.time.Duration;
import java.util.Objects;

/**
 * What the public listener allows one client: how long a request head and a request body may take, and how many
 * connections one address and all clients together may hold open.
 *
 * @param requestHeadTimeout       from the first byte of a request (or the connection's opening) to its last header
 * @param requestBodyTimeout       how long a request body may take at first; every {@code requestBodyMinRate} bytes
 *                                 received add one second (Apache's mod_reqtimeout rule), so a big upload at a fair
 *                                 speed goes through and a client that sends a byte every few seconds is cut off
 * @param requestBodyMinRate       bytes per second that extend the body deadline (at least 1)
 * @param maxConnections           open client connections in total (0: no limit)
 * @param maxConnectionsPerAddress open client connections per client address (0: no limit; behind a reverse proxy
 *                                 every connection comes from the proxy's address)
 */
public record ListenerLimits(Duration requestHeadTimeout, Duration requestBodyTimeout, int requestBodyMinRate,
        int maxConnections, int maxConnectionsPerAddress) {

    public ListenerLimits {
        requirePositive(requestHeadTimeout, "requestHeadTimeout");
        requirePositive(requestBodyTimeout, "requestBodyTimeout");
        if (requestBodyMinRate < 1) {
            throw new IllegalArgumentException("'requestBodyMinRate' must be >= 1");
        }
        if (maxConnections < 0 || maxConnectionsPerAddress < 0) {
            throw new IllegalArgumentException("'maxConnections' and 'maxConnectionsPerAddress' must be >= 0");
        }
    }

    /** 20 s for a head, 20 s plus a second per 500 bytes for a body, 10,000 connections, 256 per address. */
    public static ListenerLimits defaults() {
        return new ListenerLimits(Duration.ofSeconds(20), Duration.ofSeconds(20), 500, 10_000, 256);
    }

    private static void requirePositive(Duration duration, String field) {
        Objects.requireNonNull(duration, "'" + field + "' must not be null");
        if (duration.isNegative() || duration.isZero()) {
            throw new IllegalArgumentException("'" + field + "' must be > 0");
        }
    }
}

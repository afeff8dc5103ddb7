package org.aapf.adapter.in.http.proxy;

import java.time.Duration;
import java.util.Objects;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Tunables of the notebook proxy.
 *
 * @param connectTimeout how long to wait for a TCP connection (and WebSocket handshake) to the notebook
 * @param idleTimeout    how long an HTTP exchange with the notebook may go without any byte moving either way
 * @param allowedOrigins browser origins (e.g. {@code https://aapf.example.org}) allowed to open proxied WebSockets and
 *                       send proxied requests; empty means same-origin only (the {@code Origin} must name the host
 *                       the browser addressed, as in its {@code Host} header). When not empty it replaces same-origin,
 *                       so it must list the AAPF's own public origin too.
 */
public record ProxySettings(Duration connectTimeout, Duration idleTimeout, Set<String> allowedOrigins) {

    public ProxySettings {
        requirePositive(connectTimeout, "connectTimeout");
        requirePositive(idleTimeout, "idleTimeout");
        Objects.requireNonNull(allowedOrigins, "'allowedOrigins' must not be null");
        allowedOrigins = allowedOrigins.stream().map(ProxySettings::normalizeOrigin).collect(Collectors.toUnmodifiableSet());
    }

    /** Same-origin WebSockets only, 5 s to connect, 60 s without progress before giving up. */
    public static ProxySettings defaults() {
        return new ProxySettings(Duration.ofSeconds(5), Duration.ofSeconds(60), Set.of());
    }

    private static void requirePositive(Duration duration, String field) {
        Objects.requireNonNull(duration, "'" + field + "' must not be null");
        if (duration.isNegative() || duration.isZero()) {
            throw new IllegalArgumentException("'" + field + "' must be > 0");
        }
    }

    private static String normalizeOrigin(String origin) {
        Objects.requireNonNull(origin, "'allowedOrigins' must not contain null");
        String trimmed = origin.strip().toLowerCase(java.util.Locale.ROOT);
        if (!trimmed.startsWith("http://") && !trimmed.startsWith("https://")) {
            throw new IllegalArgumentException("'allowedOrigins' entries must start with http:// or https://");
        }
        return trimmed.endsWith("/") ? trimmed.substring(0, trimmed.length() - 1) : trimmed;
    }
}

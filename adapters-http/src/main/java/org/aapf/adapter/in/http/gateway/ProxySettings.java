package org.aapf.adapter.in.http.gateway;

import java.time.Duration;
import java.util.Locale;
import java.util.Objects;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * Tunables of the notebook proxy.
 *
 * @param connectTimeout how long to wait for a TCP connection (and WebSocket handshake) to the notebook
 * @param idleTimeout    how long an HTTP exchange with the notebook may go without any byte moving either way
 * @param allowedOrigins browser origins (e.g. {@code https://aapf.example.org}) allowed to open proxied WebSockets and
 *                       send proxied requests; empty means same-origin only (the {@code Origin} must name the host
 *                       the browser addressed, as in its {@code Host} header). When not empty it replaces same-origin
 *                       on AAPF's own origin, so it must list the AAPF's own public origin too; a notebook's own
 *                       origin is always allowed on it
 * @param notebookDomain the DNS name under which each notebook gets an origin of its own,
 *                       {@code <proxyId>.<notebookDomain>} (e.g. {@code localhost}, {@code nb.example.com}); empty:
 *                       none, then {@code notebookPort} must be set
 * @param notebookPort   a port on which the gateway serves every notebook, apart from AAPF's own origin (the
 *                       fallback where no wildcard name exists: notebooks then share that origin); 0: none
 */
public record ProxySettings(Duration connectTimeout, Duration idleTimeout, Set<String> allowedOrigins,
                            String notebookDomain, int notebookPort) {

    /** The notebook domain of the default local set-up: browsers resolve {@code *.localhost} to loopback. */
    public static final String LOCAL_NOTEBOOK_DOMAIN = "localhost";
    private static final Pattern DOMAIN = Pattern.compile("([a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?)(\\.[a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?)*");

    public ProxySettings {
        requirePositive(connectTimeout, "connectTimeout");
        requirePositive(idleTimeout, "idleTimeout");
        Objects.requireNonNull(allowedOrigins, "'allowedOrigins' must not be null");
        allowedOrigins = allowedOrigins.stream().map(ProxySettings::normalizeOrigin).collect(Collectors.toUnmodifiableSet());
        Objects.requireNonNull(notebookDomain, "'notebookDomain' must not be null (use empty)");
        notebookDomain = notebookDomain.strip().toLowerCase(Locale.ROOT);
        if (!notebookDomain.isEmpty() && (notebookDomain.length() > 200 || !DOMAIN.matcher(notebookDomain).matches())) {
            throw new IllegalArgumentException("'notebookDomain' must be a DNS name such as nb.example.com"
                    + " (no scheme, port or wildcard)");
        }
        if (notebookPort < 0 || notebookPort > 65535) {
            throw new IllegalArgumentException("'notebookPort' must be between 0 and 65535");
        }
        if (notebookDomain.isEmpty() && notebookPort == 0) {
            throw new IllegalArgumentException("'notebookDomain' or 'notebookPort' must be set: notebooks must not"
                    + " run on AAPF's own origin");
        }
    }

    /** Notebook origins under {@code localhost}, no allow-list. */
    public ProxySettings(Duration connectTimeout, Duration idleTimeout, Set<String> allowedOrigins) {
        this(connectTimeout, idleTimeout, allowedOrigins, LOCAL_NOTEBOOK_DOMAIN, 0);
    }

    /** Same-origin WebSockets only, 5 s to connect, 60 s without progress, notebooks at {@code <id>.localhost}. */
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
        String trimmed = origin.strip().toLowerCase(Locale.ROOT);
        if (!trimmed.startsWith("http://") && !trimmed.startsWith("https://")) {
            throw new IllegalArgumentException("'allowedOrigins' entries must start with http:// or https://");
        }
        return trimmed.endsWith("/") ? trimmed.substring(0, trimmed.length() - 1) : trimmed;
    }
}

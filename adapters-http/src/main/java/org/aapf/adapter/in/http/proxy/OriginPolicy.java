package org.aapf.adapter.in.http.proxy;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

/**
 * Which browser origins may use a notebook through the proxy. Without an {@code Origin} header (non-browser clients)
 * a request is allowed: the notebook's own token still guards it. With one, it must be listed in the allow-list or,
 * when the list is empty, name the same host and port the browser addressed ({@code Host}). This is the rule
 * Helidon's WebSocket upgrader applies too, so both layers agree.
 */
final class OriginPolicy {

    private final Set<String> allowedOrigins;

    OriginPolicy(Set<String> allowedOrigins) {
        this.allowedOrigins = Set.copyOf(allowedOrigins);
    }

    boolean allows(Optional<String> origin, Optional<String> host) {
        if (origin.isEmpty()) {
            return true;
        }
        String normalized = origin.get().strip().toLowerCase(Locale.ROOT);
        if (!allowedOrigins.isEmpty()) {
            return allowedOrigins.contains(normalized);
        }
        return host.isPresent() && sameAuthority(normalized, host.get().strip().toLowerCase(Locale.ROOT));
    }

    private static boolean sameAuthority(String origin, String host) {
        try {
            URI uri = new URI(origin);
            if (uri.getScheme() == null || uri.getHost() == null) {
                return false;
            }
            int defaultPort = "https".equals(uri.getScheme()) ? 443 : 80;
            int originPort = uri.getPort() < 0 ? defaultPort : uri.getPort();
            URI hostUri = new URI(uri.getScheme() + "://" + host);
            int hostPort = hostUri.getPort() < 0 ? defaultPort : hostUri.getPort();
            return uri.getHost().equals(hostUri.getHost()) && originPort == hostPort;
        } catch (URISyntaxException e) {
            return false;
        }
    }
}

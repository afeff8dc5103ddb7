package org.aapf.adapter.in.http.gateway;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

/**
 * Which browser origins may use a notebook through the proxy. Without an {@code Origin} header (non-browser clients)
 * a request is allowed: the notebook's own token still guards it. With one, on AAPF's origin it must be listed in the
 * allow-list or, when the list is empty, name the same host and port the browser addressed ({@code Host}). On a
 * notebook's origin, the notebook's own origin is always allowed, and so is AAPF's (the WebUI logs the browser in
 * there): an allow-listed origin, or the one {@link NotebookOrigins#isAapfOrigin} recognizes. The gateway applies it
 * to requests and WebSocket handshakes alike.
 */
final class OriginPolicy {

    private final Set<String> allowedOrigins;
    private final NotebookOrigins notebookOrigins;

    OriginPolicy(Set<String> allowedOrigins, NotebookOrigins notebookOrigins) {
        this.allowedOrigins = Set.copyOf(allowedOrigins);
        this.notebookOrigins = notebookOrigins;
    }

    boolean allows(Optional<String> origin, Optional<String> host, Site site) {
        if (origin.isEmpty()) {
            return true;
        }
        String normalized = origin.get().strip().toLowerCase(Locale.ROOT);
        boolean sameOrigin = host.isPresent() && sameAuthority(normalized, host.get().strip().toLowerCase(Locale.ROOT));
        if (!site.isAapf()) {
            return sameOrigin || allowedOrigins.contains(normalized)
                    || notebookOrigins.isAapfOrigin(normalized, site, host);
        }
        if (!allowedOrigins.isEmpty()) {
            return allowedOrigins.contains(normalized);
        }
        return sameOrigin;
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

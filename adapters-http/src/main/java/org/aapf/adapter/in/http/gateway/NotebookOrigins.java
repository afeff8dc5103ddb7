package org.aapf.adapter.in.http.gateway;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * The notebooks' own origins: which {@link Site} a {@code Host} names, where a browser finds a notebook
 * ({@link #location}: the proxy's redirects and the WebUI's "Open notebook" use it), and which browser origins count
 * as AAPF's own when they post to a notebook's origin (the WebUI's login form).
 *
 * <p>With a notebook domain {@code D}, notebook {@code p} lives at {@code <scheme>://p.D[:port]}, the scheme and port
 * being those the browser used for AAPF ({@code X-Forwarded-Proto} names the scheme behind a TLS-terminating proxy).
 * Without one, every notebook lives on the notebook port of AAPF's host name.
 */
public final class NotebookOrigins {

    /**
     * Added to every notebook answer on AAPF's origin: the browser shows it in a unique, opaque origin without
     * scripts, so nothing a notebook returns can act with the WebUI's rights.
     */
    static final String AAPF_ORIGIN_POLICY = "sandbox";

    private static final Pattern PROXY_ID = Pattern.compile("[a-z0-9]{1,64}");
    private static final Set<String> LOOPBACK_NAMES = Set.of("localhost", "127.0.0.1", "[::1]");

    private final String domain;
    private final int notebookPort;

    public NotebookOrigins(ProxySettings settings) {
        this.domain = settings.notebookDomain();
        this.notebookPort = settings.notebookPort();
    }

    /** The site a request with this {@code Host} header was sent to; {@code onNotebookPort}: it came in there. */
    Site siteOf(Optional<String> host, boolean onNotebookPort) {
        if (onNotebookPort) {
            return Site.SHARED_NOTEBOOKS;
        }
        Optional<Authority> authority = host.flatMap(Authority::parse);
        if (authority.isEmpty()) {
            return Site.AAPF;
        }
        String name = authority.get().name();
        if (!domain.isEmpty() && name.endsWith("." + domain)) {
            String label = name.substring(0, name.length() - domain.length() - 1);
            return Site.notebook(PROXY_ID.matcher(label).matches() ? label : "");
        }
        if (notebookPort > 0 && authority.get().port() == notebookPort) {
            return Site.SHARED_NOTEBOOKS;
        }
        return Site.AAPF;
    }

    /**
     * The absolute URL of {@code target} (a {@code /proxy/<proxyId>/jupyter...} path and query) on the notebook's own
     * origin, as seen from a request to AAPF's origin with this {@code Host}; empty without a {@code Host}.
     */
    public Optional<String> location(String proxyId, Optional<String> host, Optional<String> forwardedProto,
                                     String target) {
        Optional<Authority> authority = host.flatMap(Authority::parse);
        if (authority.isEmpty()) {
            return Optional.empty();
        }
        String scheme = forwardedProto.map(proto -> proto.strip().toLowerCase(Locale.ROOT))
                .filter("https"::equals).orElse("http");
        String origin;
        if (!domain.isEmpty()) {
            int port = authority.get().port();
            origin = proxyId + "." + domain + (port < 0 ? "" : ":" + port);
        } else {
            origin = authority.get().name() + ":" + notebookPort;
        }
        return Optional.of(scheme + "://" + origin + target);
    }

    /**
     * Whether {@code origin} (normalized) is AAPF's own origin as seen from a notebook origin addressed as
     * {@code host}: the notebook domain itself (or, for {@code localhost}, a loopback address) on the same port;
     * on the shared notebook port, the same host name on another port.
     */
    boolean isAapfOrigin(String origin, Site site, Optional<String> host) {
        Optional<Authority> requested = host.flatMap(Authority::parse);
        Optional<Authority> from = originAuthority(origin);
        if (requested.isEmpty() || from.isEmpty()) {
            return false;
        }
        if (site.kind() == Site.Kind.SHARED_NOTEBOOKS) {
            return from.get().name().equals(requested.get().name()) && from.get().port() != requested.get().port();
        }
        boolean domainName = from.get().name().equals(domain)
                || ProxySettings.LOCAL_NOTEBOOK_DOMAIN.equals(domain) && LOOPBACK_NAMES.contains(from.get().name());
        return domainName && from.get().port() == requested.get().port();
    }

    private static Optional<Authority> originAuthority(String origin) {
        try {
            URI uri = new URI(origin);
            if (uri.getScheme() == null || uri.getRawAuthority() == null) {
                return Optional.empty();
            }
            return Authority.parse(uri.getRawAuthority());
        } catch (URISyntaxException e) {
            return Optional.empty();
        }
    }

    /**
     * Whether a request is a browser navigation (a page to show, in a tab or a frame), as opposed to a script's or a
     * program's request: {@code Sec-Fetch-Mode: navigate} where the browser sends Fetch metadata (every current one
     * does, for a link, a typed address, a form or a frame); from older browsers, a {@code GET} that accepts
     * {@code text/html}. Programmatic clients (curl, Jupyter clients, requests) send neither, and a page's scripts send
     * {@code cors}/{@code no-cors}/{@code same-origin}.
     */
    static boolean isNavigation(String method, Optional<String> secFetchMode, Optional<String> accept) {
        if (secFetchMode.isPresent()) {
            String mode = secFetchMode.get().strip().toLowerCase(Locale.ROOT);
            return mode.equals("navigate") || mode.equals("nested-navigate");
        }
        return method.equals("GET") && accept.map(value -> value.toLowerCase(Locale.ROOT).contains("text/html"))
                .orElse(false);
    }

    /** A host name (lower case, IPv6 in brackets) and port (-1: none given) from a {@code Host} header's value. */
    record Authority(String name, int port) {

        static Optional<Authority> parse(String value) {
            String text = value.strip().toLowerCase(Locale.ROOT);
            int colon = text.lastIndexOf(':');
            int bracket = text.lastIndexOf(']');
            String name = colon > bracket ? text.substring(0, colon) : text;
            int port = -1;
            if (colon > bracket) {
                try {
                    port = Integer.parseInt(text.substring(colon + 1));
                } catch (NumberFormatException e) {
                    return Optional.empty();
                }
                if (port < 0 || port > 65535) {
                    return Optional.empty();
                }
            }
            if (name.endsWith(".")) {
                name = name.substring(0, name.length() - 1);
            }
            return name.isEmpty() ? Optional.empty() : Optional.of(new Authority(name, port));
        }
    }
}

package org.aapf.adapter.in.http.gateway;

import java.util.Objects;
import java.util.Optional;

import jakarta.inject.Inject;
import jakarta.inject.Singleton;

import org.aapf.application.port.in.ResolveNotebookRouteQuery;
import org.aapf.application.port.in.ResolveNotebookRouteQuery.NotReady;
import org.aapf.application.port.in.ResolveNotebookRouteQuery.Stopped;
import org.aapf.application.port.in.ResolveNotebookRouteQuery.NotebookRoute;
import org.aapf.application.port.in.ResolveNotebookRouteQuery.Ready;
import org.aapf.application.port.in.ResolveNotebookRouteQuery.Unknown;
import org.aapf.adapter.in.http.Metrics;

/**
 * The notebook side of the {@link Gateway}, its one collaborator (built by Dagger): the checks every proxied request
 * passes, HTTP or WebSocket (a notebook the origin serves, a safe path, an allowed origin, a ready notebook), where a
 * browser navigation on AAPF's origin is sent instead ({@link #redirect}), the proxy's settings, and where the bytes
 * that pass are reported ({@link #passed}).
 */
@Singleton
public final class NotebookAdmission {

    private final ResolveNotebookRouteQuery routes;
    private final ProxySettings settings;
    private final Metrics metrics;
    private final NotebookOrigins notebookOrigins;
    private final OriginPolicy originPolicy;

    /** Admission that reports to no monitoring. */
    public NotebookAdmission(ResolveNotebookRouteQuery routes, ProxySettings settings) {
        this(routes, settings, Metrics.none());
    }

    @Inject
    public NotebookAdmission(ResolveNotebookRouteQuery routes, ProxySettings settings, Metrics metrics) {
        this.routes = Objects.requireNonNull(routes, "'routes' must not be null");
        this.settings = Objects.requireNonNull(settings, "'settings' must not be null");
        this.metrics = Objects.requireNonNull(metrics, "'metrics' must not be null");
        this.notebookOrigins = new NotebookOrigins(settings);
        this.originPolicy = new OriginPolicy(settings.allowedOrigins(), notebookOrigins);
    }

    ProxySettings settings() {
        return settings;
    }

    Metrics metrics() {
        return metrics;
    }

    /**
     * Bytes of notebook {@code proxyId} went through the gateway: a proxied request's or answer's body, or WebSocket
     * frames. Every proxied byte is reported here, and only here.
     */
    void passed(String proxyId, Metrics.Direction direction, long bytes) {
        metrics.proxied(direction, bytes);
    }

    /** The origin a request with this {@code Host} was sent to; {@code onNotebookPort}: it came in there. */
    Site site(Optional<String> host, boolean onNotebookPort) {
        return notebookOrigins.siteOf(host, onNotebookPort);
    }

    /**
     * The checks that need no lookup: a notebook this origin serves (else 404), a safe path and an allowed origin;
     * throws the {@link ProxyRefusal}.
     */
    ProxyPath vet(String rawPath, Optional<String> origin, Optional<String> host, Site site) {
        if (!site.serves(rawPath)) {
            throw ProxyRefusal.unknownNotebook();
        }
        ProxyPath path = ProxyPath.parse(rawPath);
        if (!originPolicy.allows(origin, host, site)) {
            throw ProxyRefusal.forbiddenOrigin();
        }
        return path;
    }

    /**
     * Where to send a browser that navigates to a notebook on AAPF's origin: the same path and query on the notebook's
     * own origin, with 307 so that a form's POST (the WebUI's login to Jupyter) goes on there as it was sent. Empty
     * for any other request, which is forwarded (and its answer sandboxed, {@link NotebookOrigins}).
     *
     * @param target the request target as sent (raw path and query)
     */
    Optional<String> redirect(Site site, ProxyPath path, String target, String method, BrowserHeaders headers) {
        if (!site.isAapf() || !NotebookOrigins.isNavigation(method, headers.secFetchMode(), headers.accept())) {
            return Optional.empty();
        }
        return notebookOrigins.location(path.proxyId(), headers.host(), headers.forwardedProto(), target);
    }

    /** The request headers that tell a browser's navigation and where it addressed AAPF. */
    record BrowserHeaders(Optional<String> host, Optional<String> secFetchMode, Optional<String> accept,
                          Optional<String> forwardedProto) {
    }

    /** The route of a vetted path if known without blocking ({@link ResolveNotebookRouteQuery#remembered}). */
    Optional<Admitted> remembered(ProxyPath path) {
        return routes.remembered(path.proxyId()).map(ready -> new Admitted(path, ready));
    }

    /** Looks the route up (may ask the database and the backend): where to forward, or the refusal to throw. */
    Admitted resolve(ProxyPath path) {
        return admit(path, routes.resolve(path.proxyId()));
    }

    private static Admitted admit(ProxyPath path, NotebookRoute route) {
        return switch (route) {
            case Ready ready -> new Admitted(path, ready);
            case NotReady notReady -> throw ProxyRefusal.notReady(notReady.status());
            case Stopped stopped -> throw ProxyRefusal.stopped(stopped.status());
            case Unknown unknown -> throw ProxyRefusal.unknownNotebook();
        };
    }

    /** A request cleared to go to {@code upstream}. */
    record Admitted(ProxyPath path, Ready upstream) {

        /** The notebook's own origin, presented to it in place of an allowed browser origin. */
        String upstreamOrigin() {
            return "http://" + hostPort();
        }

        String hostPort() {
            String host = upstream.host().indexOf(':') >= 0 ? "[" + upstream.host() + "]" : upstream.host();
            return host + ":" + upstream.port();
        }
    }
}

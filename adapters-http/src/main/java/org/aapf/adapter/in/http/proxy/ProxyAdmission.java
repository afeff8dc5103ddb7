package org.aapf.adapter.in.http.proxy;

import java.util.Optional;

import org.aapf.application.port.in.ResolveNotebookRouteQuery;
import org.aapf.application.port.in.ResolveNotebookRouteQuery.NotReady;
import org.aapf.application.port.in.ResolveNotebookRouteQuery.Stopped;
import org.aapf.application.port.in.ResolveNotebookRouteQuery.NotebookRoute;
import org.aapf.application.port.in.ResolveNotebookRouteQuery.Ready;
import org.aapf.application.port.in.ResolveNotebookRouteQuery.Unknown;

/** The checks every proxied request passes, HTTP or WebSocket: a safe path, an allowed origin, a ready notebook. */
final class ProxyAdmission {

    private final ResolveNotebookRouteQuery routes;
    private final OriginPolicy originPolicy;

    ProxyAdmission(ResolveNotebookRouteQuery routes, OriginPolicy originPolicy) {
        this.routes = routes;
        this.originPolicy = originPolicy;
    }

    /** Returns where to forward, or throws the {@link ProxyRefusal} to answer with. */
    Admitted admit(String rawPath, Optional<String> origin, Optional<String> host) {
        ProxyPath path = vet(rawPath, origin, host);
        return admit(path, routes.resolve(path.proxyId()));
    }

    /** The checks that need no lookup: a safe path and an allowed origin; throws the {@link ProxyRefusal}. */
    ProxyPath vet(String rawPath, Optional<String> origin, Optional<String> host) {
        ProxyPath path = ProxyPath.parse(rawPath);
        if (!originPolicy.allows(origin, host)) {
            throw ProxyRefusal.forbiddenOrigin();
        }
        return path;
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

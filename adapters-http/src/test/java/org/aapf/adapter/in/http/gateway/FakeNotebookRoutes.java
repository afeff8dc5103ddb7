package org.aapf.adapter.in.http.gateway;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import org.aapf.application.port.in.ResolveNotebookRouteQuery;

/** Routes set by the test; anything else is {@link Unknown}. */
final class FakeNotebookRoutes implements ResolveNotebookRouteQuery {

    private final Map<String, NotebookRoute> routes = new ConcurrentHashMap<>();

    FakeNotebookRoutes ready(String proxyId, int port) {
        routes.put(proxyId, new Ready("127.0.0.1", port));
        return this;
    }

    FakeNotebookRoutes notReady(String proxyId, String status) {
        routes.put(proxyId, new NotReady(status));
        return this;
    }

    FakeNotebookRoutes stopped(String proxyId) {
        routes.put(proxyId, new Stopped("stopped"));
        return this;
    }

    @Override
    public NotebookRoute resolve(String proxyId) {
        return routes.getOrDefault(proxyId, new Unknown());
    }
}

package org.aapf.application.service.cluster;

import jakarta.inject.Inject;
import jakarta.inject.Singleton;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import org.aapf.application.port.in.ResolveNotebookRouteQuery;
import org.aapf.application.port.out.ClusterBackend;
import org.aapf.application.port.out.ClusterRepository;
import org.aapf.application.port.out.Endpoint;
import org.aapf.application.port.out.InstanceRef;
import org.aapf.domain.cluster.AACluster;
import org.aapf.domain.cluster.Instance;
import org.aapf.domain.cluster.InstanceStatus;
import org.aapf.domain.cluster.ProxyId;
import org.aapf.domain.cluster.ServiceKind;

/**
 * Resolves a proxy id from the database (which notebook, is it ready, is its cluster being deleted) and the backend
 * (where the notebook listens); while they cannot be read, the last route known is used. A ready route is remembered by the {@link NotebookRouteCache} (see there how a change
 * makes it forget); the backend's answer is cached too, keyed by the instance's last change, because asking the
 * engine is the expensive part and a notebook page makes many requests.
 */
@Singleton
public final class ResolveNotebookRouteService implements ResolveNotebookRouteQuery {

    private static final int CACHE_LIMIT = 10_000;

    private final ClusterRepository clusters;
    private final ClusterBackend backend;
    private final NotebookRouteCache routes;
    private final Map<EndpointKey, Endpoint> endpoints = new ConcurrentHashMap<>();

    @Inject
    public ResolveNotebookRouteService(ClusterRepository clusters, ClusterBackend backend, NotebookRouteCache routes) {
        this.clusters = clusters;
        this.backend = backend;
        this.routes = routes;
    }

    @Override
    public NotebookRoute resolve(String text) {
        Optional<ProxyId> proxyId = parse(text);
        if (proxyId.isEmpty()) {
            return new Unknown();
        }
        Optional<Ready> remembered = routes.find(proxyId.get());
        if (remembered.isPresent()) {
            return remembered.get();
        }
        long readAt = routes.generation();
        NotebookRoute route;
        try {
            route = read(proxyId.get());
        } catch (RuntimeException unreadable) {
            // the database (or the backend) cannot answer: a notebook that was ready stays reachable
            return routes.lastKnown(proxyId.get()).orElseThrow(() -> unreadable);
        }
        if (route instanceof Ready ready) {
            routes.remember(proxyId.get(), ready, readAt);
        } else {
            routes.forget(proxyId.get());
        }
        return route;
    }

    @Override
    public Optional<Ready> remembered(String text) {
        return parse(text).flatMap(routes::find);
    }

    private NotebookRoute read(ProxyId proxyId) {
        Optional<AACluster> cluster = clusters.findByProxyId(proxyId).filter(c -> !c.isDeleting());
        Optional<Instance> notebook = cluster.flatMap(c -> c.instancesOf(ServiceKind.JUPYTER_NOTEBOOK).stream()
                .filter(instance -> instance.notebook().map(access -> access.proxyId().equals(proxyId))
                        .orElse(false))
                .findFirst());
        if (notebook.isEmpty()) {
            return new Unknown();
        }
        if (cluster.get().isParked()) {
            return new Stopped(cluster.get().status().apiName());
        }
        if (notebook.get().status() != InstanceStatus.READY) {
            return new NotReady(notebook.get().status().apiName());
        }
        InstanceRef ref = new InstanceRef(cluster.get().runtimeId(), ServiceKind.JUPYTER_NOTEBOOK,
                notebook.get().index());
        return endpoint(new EndpointKey(ref, notebook.get().updatedAt()))
                .<NotebookRoute>map(endpoint -> new Ready(endpoint.host(), endpoint.port()))
                .orElseGet(() -> new NotReady(InstanceStatus.STARTING.apiName()));
    }

    private Optional<Endpoint> endpoint(EndpointKey key) {
        Endpoint cached = endpoints.get(key);
        if (cached != null) {
            return Optional.of(cached);
        }
        Optional<Endpoint> found = backend.endpoint(key.ref());
        found.ifPresent(endpoint -> {
            if (endpoints.size() >= CACHE_LIMIT) {
                endpoints.clear();
            }
            endpoints.keySet().removeIf(old -> old.ref().equals(key.ref()));
            endpoints.put(key, endpoint);
        });
        return found;
    }

    private static Optional<ProxyId> parse(String text) {
        try {
            return Optional.of(new ProxyId(text));
        } catch (RuntimeException e) {
            return Optional.empty();
        }
    }

    /** An instance as of its last change: a replaced or restarted instance gets a new key. */
    private record EndpointKey(InstanceRef ref, Instant updatedAt) {
    }
}

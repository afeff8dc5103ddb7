package org.aapf.application.service.cluster;

import jakarta.inject.Inject;
import jakarta.inject.Singleton;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import org.aapf.application.port.in.ResolveNotebookRouteQuery;
import org.aapf.application.port.out.ClusterBackend;
import org.aapf.application.port.out.ClusterRepository;
import org.aapf.application.port.out.InstanceRef;
import org.aapf.domain.cluster.AACluster;
import org.aapf.domain.cluster.Instance;
import org.aapf.domain.cluster.InstanceStatus;
import org.aapf.domain.cluster.ProxyId;
import org.aapf.domain.cluster.ServiceKind;

/**
 * Resolves a proxy id from the database (which notebook, is it ready) and the backend (where it listens). Ready
 * routes are cached briefly, because a notebook page makes many requests; anything else is looked up every time so a
 * notebook that just became ready is reachable at once.
 */
@Singleton
public final class ResolveNotebookRouteService implements ResolveNotebookRouteQuery {

    static final Duration CACHE_TTL = Duration.ofSeconds(5);
    private static final int CACHE_LIMIT = 10_000;

    private final ClusterRepository clusters;
    private final ClusterBackend backend;
    private final Clock clock;
    private final Map<String, Cached> cache = new ConcurrentHashMap<>();

    @Inject
    public ResolveNotebookRouteService(ClusterRepository clusters, ClusterBackend backend, Clock clock) {
        this.clusters = clusters;
        this.backend = backend;
        this.clock = clock;
    }

    @Override
    public NotebookRoute resolve(String proxyId) {
        Instant now = clock.instant();
        Cached cached = cache.get(proxyId);
        if (cached != null && now.isBefore(cached.expiresAt())) {
            return cached.route();
        }
        NotebookRoute route = lookUp(proxyId);
        if (route instanceof Ready) {
            if (cache.size() >= CACHE_LIMIT) {
                cache.clear();
            }
            cache.put(proxyId, new Cached(route, now.plus(CACHE_TTL)));
        } else {
            cache.remove(proxyId);
        }
        return route;
    }

    private NotebookRoute lookUp(String text) {
        Optional<ProxyId> proxyId = parse(text);
        Optional<AACluster> cluster = proxyId.flatMap(clusters::findByProxyId).filter(c -> !c.isDeleting());
        if (cluster.isEmpty()) {
            return new Unknown();
        }
        Optional<Instance> notebook = cluster.get().instancesOf(ServiceKind.JUPYTER_NOTEBOOK).stream()
                .filter(instance -> instance.notebook().map(access -> access.proxyId().equals(proxyId.get()))
                        .orElse(false))
                .findFirst();
        if (notebook.isEmpty()) {
            return new Unknown();
        }
        if (notebook.get().status() != InstanceStatus.READY) {
            return new NotReady(notebook.get().status().apiName());
        }
        InstanceRef ref = new InstanceRef(cluster.get().id(), ServiceKind.JUPYTER_NOTEBOOK, notebook.get().index());
        return backend.endpoint(ref)
                .<NotebookRoute>map(endpoint -> new Ready(endpoint.host(), endpoint.port()))
                .orElseGet(() -> new NotReady(InstanceStatus.STARTING.apiName()));
    }

    private static Optional<ProxyId> parse(String text) {
        try {
            return Optional.of(new ProxyId(text));
        } catch (RuntimeException e) {
            return Optional.empty();
        }
    }

    private record Cached(NotebookRoute route, Instant expiresAt) {
    }
}

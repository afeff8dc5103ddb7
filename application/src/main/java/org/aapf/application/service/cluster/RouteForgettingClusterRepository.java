package org.aapf.application.service.cluster;

import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.aapf.application.port.out.ClusterRepository;
import org.aapf.domain.cluster.AACluster;
import org.aapf.domain.cluster.ClusterId;
import org.aapf.domain.cluster.ClusterName;
import org.aapf.domain.cluster.ProxyId;
import org.aapf.domain.user.UserId;

/**
 * The cluster repository as this process's writers (the API's use cases and the reconciler) use it: every saved
 * update or delete also makes the {@link NotebookRouteCache} forget the cluster's notebook routes, so that a deleted
 * or no longer ready notebook stops being served at once. Reads pass through unchanged.
 */
public final class RouteForgettingClusterRepository implements ClusterRepository {

    private final ClusterRepository clusters;
    private final NotebookRouteCache routes;

    public RouteForgettingClusterRepository(ClusterRepository clusters, NotebookRouteCache routes) {
        this.clusters = Objects.requireNonNull(clusters, "'clusters' must not be null");
        this.routes = Objects.requireNonNull(routes, "'routes' must not be null");
    }

    @Override
    public void add(AACluster cluster) {
        clusters.add(cluster);
    }

    @Override
    public boolean update(AACluster cluster) {
        boolean saved = clusters.update(cluster);
        if (saved) {
            routes.forget(cluster);
        }
        return saved;
    }

    @Override
    public List<AACluster> updateAll(List<AACluster> changed) {
        List<AACluster> saved = clusters.updateAll(changed);
        saved.forEach(routes::forget);
        return saved;
    }

    @Override
    public boolean delete(AACluster cluster) {
        boolean deleted = clusters.delete(cluster);
        if (deleted) {
            routes.forget(cluster);
        }
        return deleted;
    }

    @Override
    public Optional<AACluster> findById(ClusterId id) {
        return clusters.findById(id);
    }

    @Override
    public Optional<AACluster> findByName(UserId owner, ClusterName name) {
        return clusters.findByName(owner, name);
    }

    @Override
    public Optional<AACluster> findByProxyId(ProxyId proxyId) {
        return clusters.findByProxyId(proxyId);
    }

    @Override
    public List<AACluster> listByOwner(UserId owner) {
        return clusters.listByOwner(owner);
    }

    @Override
    public long listVersion(UserId owner) {
        return clusters.listVersion(owner);
    }

    @Override
    public List<AACluster> listAll() {
        return clusters.listAll();
    }
}

package org.aapf.application.service.cluster;

import jakarta.inject.Inject;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.aapf.application.port.in.ListOrphanWorkspacesQuery;
import org.aapf.application.port.out.ClusterBackend;
import org.aapf.application.port.out.ClusterRepository;
import org.aapf.application.port.out.WarmInstance;
import org.aapf.application.port.out.WarmInstanceRepository;
import org.aapf.application.port.out.Workspace;
import org.aapf.domain.cluster.AACluster;
import org.aapf.domain.cluster.ClusterId;

/**
 * Lists the backend's workspaces that no cluster row names (by id, runtime id or retired runtime id) and that no warm
 * pool instance holds.
 */
public final class ListOrphanWorkspacesService implements ListOrphanWorkspacesQuery {

    private final ClusterRepository clusters;
    private final ClusterBackend backend;
    private final WarmInstanceRepository warm;

    /** A query for a server without warm pools. */
    public ListOrphanWorkspacesService(ClusterRepository clusters, ClusterBackend backend) {
        this(clusters, backend, WarmInstanceRepository.none());
    }

    @Inject
    public ListOrphanWorkspacesService(ClusterRepository clusters, ClusterBackend backend,
            WarmInstanceRepository warm) {
        this.clusters = clusters;
        this.backend = backend;
        this.warm = warm;
    }

    @Override
    public List<Workspace> listOrphans() {
        List<Workspace> workspaces = backend.workspaces();
        Set<ClusterId> held = warm.listAll().stream().map(WarmInstance::id).collect(Collectors.toSet());
        for (AACluster cluster : clusters.listAll()) {
            held.add(cluster.id());
            held.add(cluster.runtimeId());
            cluster.retiredRuntimeId().ifPresent(held::add);
        }
        return workspaces.stream()
                .filter(workspace -> !held.contains(workspace.cluster()))
                .toList();
    }
}

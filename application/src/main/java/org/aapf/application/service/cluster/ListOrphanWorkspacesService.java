package org.aapf.application.service.cluster;

import jakarta.inject.Inject;
import java.util.List;
import org.aapf.application.port.in.ListOrphanWorkspacesQuery;
import org.aapf.application.port.out.ClusterBackend;
import org.aapf.application.port.out.ClusterRepository;
import org.aapf.application.port.out.Workspace;

/** Lists the backend's workspaces whose cluster has no row. */
public final class ListOrphanWorkspacesService implements ListOrphanWorkspacesQuery {

    private final ClusterRepository clusters;
    private final ClusterBackend backend;

    @Inject
    public ListOrphanWorkspacesService(ClusterRepository clusters, ClusterBackend backend) {
        this.clusters = clusters;
        this.backend = backend;
    }

    @Override
    public List<Workspace> listOrphans() {
        return backend.workspaces().stream()
                .filter(workspace -> clusters.findById(workspace.cluster()).isEmpty())
                .toList();
    }
}

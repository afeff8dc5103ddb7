package org.aapf.application.service.cluster;

import jakarta.inject.Inject;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.aapf.application.port.in.ListOrphanWorkspacesQuery;
import org.aapf.application.port.in.PruneOrphanWorkspacesUseCase;
import org.aapf.application.port.out.ClusterBackend;
import org.aapf.application.port.out.ClusterRepository;
import org.aapf.application.port.out.WarmInstanceRepository;
import org.aapf.application.port.out.Workspace;
import org.aapf.domain.error.AapfException;

/** Removes orphan workspaces older than the operator's limit, checking each one's cluster row just before. */
public final class PruneOrphanWorkspacesService implements PruneOrphanWorkspacesUseCase {

    private static final System.Logger LOG = System.getLogger(PruneOrphanWorkspacesService.class.getName());

    private final ClusterRepository clusters;
    private final ClusterBackend backend;
    private final ListOrphanWorkspacesQuery orphans;
    private final Clock clock;

    /** A use case for a server without warm pools. */
    public PruneOrphanWorkspacesService(ClusterRepository clusters, ClusterBackend backend, Clock clock) {
        this(clusters, backend, clock, WarmInstanceRepository.none());
    }

    @Inject
    public PruneOrphanWorkspacesService(ClusterRepository clusters, ClusterBackend backend, Clock clock,
            WarmInstanceRepository warm) {
        this.clusters = clusters;
        this.backend = backend;
        this.orphans = new ListOrphanWorkspacesService(clusters, backend, warm);
        this.clock = clock;
    }

    @Override
    public List<Workspace> prune(PruneCommand command) {
        if (command.olderThan().isNegative()) {
            throw AapfException.invalid("'--older-than' must not be negative");
        }
        Instant cutoff = clock.instant().minus(command.olderThan());
        List<Workspace> removed = new ArrayList<>();
        for (Workspace orphan : orphans.listOrphans()) {
            boolean oldEnough = orphan.createdAt().map(created -> created.isBefore(cutoff)).orElse(false);
            if (oldEnough && clusters.findById(orphan.cluster()).isEmpty()) {
                LOG.log(System.Logger.Level.INFO, "Removing orphan workspace {0} of AACluster {1}", orphan.name(),
                        orphan.cluster());
                backend.removeWorkspace(orphan.cluster());
                removed.add(orphan);
            }
        }
        return List.copyOf(removed);
    }
}

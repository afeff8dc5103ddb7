package org.aapf.application.service.cluster;

import java.time.Instant;
import java.util.Optional;
import org.aapf.application.port.out.ClusterBackend;
import org.aapf.application.port.out.ClusterBackend.WorkspaceCopy;
import org.aapf.application.port.out.ClusterEventRepository;
import org.aapf.application.port.out.ClusterRepository;
import org.aapf.application.port.out.InstanceRef;
import org.aapf.application.port.out.WarmInstance;
import org.aapf.application.port.out.WarmInstanceRepository;
import org.aapf.application.port.out.WarmPoolMetrics;
import org.aapf.domain.catalogue.Catalogue;
import org.aapf.domain.catalogue.WarmPool;
import org.aapf.domain.cluster.AACluster;
import org.aapf.domain.cluster.ServiceKind;
import org.aapf.domain.cluster.ServiceSpec;
import org.aapf.domain.error.AapfException;

/**
 * Lets the start of a stopped notebook-only cluster take a warm instance: claims one ready instance of the matching
 * pool (atomically, across servers), has the backend copy the cluster's workspace into the running instance's empty
 * one, and only then stores the cluster as {@code created} on that instance (its runtime id, proxy id and token). No
 * engine attaches storage to a running container or pod, hence the copy. A copy that fails or exceeds the pool's
 * {@link WarmPool#maxStartCopyBytes()}, or a save that loses a race, removes the claimed instance, and the start goes
 * cold. The old workspace stays until the switch is stored; the reconciler removes it afterwards. A crash before the
 * save leaves a claimed instance no cluster runs on, which the pool keeper removes after its claim grace.
 */
final class WarmStarts {

    private static final System.Logger LOG = System.getLogger(WarmStarts.class.getName());

    private final ClusterRepository clusters;
    private final ClusterEventRepository events;
    private final WarmInstanceRepository warm;
    private final WarmPoolMetrics metrics;
    private final ClusterBackend backend;

    WarmStarts(ClusterRepository clusters, ClusterEventRepository events, WarmInstanceRepository warm,
            WarmPoolMetrics metrics, ClusterBackend backend) {
        this.clusters = clusters;
        this.events = events;
        this.warm = warm;
        this.metrics = metrics;
        this.backend = backend;
    }

    /**
     * Starts the cluster on a warm instance when a pool serves it.
     *
     * @return true when the cluster is stored {@code created} on a warm instance; false when it must start cold
     */
    boolean start(AACluster cluster, Catalogue catalogue, Instant now) {
        if (!cluster.mayStartWarm() || !backend.copiesWorkspaces()) {
            return false;
        }
        ServiceSpec notebook = cluster.spec(ServiceKind.JUPYTER_NOTEBOOK).orElseThrow();
        Optional<WarmPool> pool = catalogue.poolFor(notebook.imageRepositoryName(), notebook.perfTypeName())
                .filter(found -> found.maxStartCopyMiB() > 0);
        Optional<String> path = catalogue.findImage(notebook.imageRepositoryName())
                .map(image -> image.launchFor(ServiceKind.JUPYTER_NOTEBOOK).notebookWorkspacePath());
        if (pool.isEmpty() || path.isEmpty()) {
            return false;
        }
        Optional<WarmInstance> taken = warm.claim(pool.get().key(), now);
        metrics.claim(pool.get().key(), taken.isPresent());
        return taken.isPresent() && takeOver(cluster, taken.get(), path.get(), pool.get(), now);
    }

    private boolean takeOver(AACluster cluster, WarmInstance instance, String path, WarmPool pool, Instant now) {
        InstanceRef into = new InstanceRef(instance.id(), ServiceKind.JUPYTER_NOTEBOOK, 1);
        try {
            WorkspaceCopy copy = backend.copyWorkspace(cluster.runtimeId(), into, path, pool.maxStartCopyBytes());
            if (copy == WorkspaceCopy.TOO_LARGE) {
                LOG.log(System.Logger.Level.INFO, "AACluster {0} starts cold: its workspace is larger than the {1} MiB"
                        + " pool {2} copies", cluster.id(), pool.maxStartCopyMiB(), pool.key());
                discard(instance);
                return false;
            }
        } catch (AapfException e) {
            LOG.log(System.Logger.Level.WARNING, "AACluster " + cluster.id() + " starts cold: copying its workspace"
                    + " into warm instance " + instance.id() + " failed: " + e.getMessage(), e);
            discard(instance);
            return false;
        }
        cluster.startOnWarm(instance.id(), instance.access(), now);
        if (!clusters.update(cluster)) {
            discard(instance);
            return false;
        }
        events.append(cluster.pullEvents());
        return true;
    }

    /** Removes a claimed instance no cluster took; if this fails, the pool keeper removes it after its grace. */
    private void discard(WarmInstance instance) {
        try {
            backend.removeCluster(instance.id());
            backend.removeWorkspace(instance.id());
            warm.remove(instance.id());
        } catch (AapfException e) {
            LOG.log(System.Logger.Level.WARNING, "Could not remove claimed warm instance " + instance.id()
                    + " yet; its pool removes it later: " + e.getMessage(), e);
        }
    }
}

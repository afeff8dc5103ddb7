package org.aapf.application.service.idle;

import jakarta.inject.Inject;
import java.time.Instant;
import java.util.Optional;
import org.aapf.application.port.out.ClusterBackend;
import org.aapf.application.port.out.Endpoint;
import org.aapf.application.port.out.InstanceRef;
import org.aapf.application.port.out.NotebookActivityProbe;
import org.aapf.application.port.out.NotebookActivityProbe.NotebookActivity;
import org.aapf.application.port.out.SparkMasterMonitor;
import org.aapf.domain.cluster.AACluster;
import org.aapf.domain.cluster.Instance;
import org.aapf.domain.cluster.NotebookAccess;
import org.aapf.domain.cluster.ServiceKind;

/**
 * When a running cluster was last used, from every source: the notebook's kernels, terminals and API requests (as
 * Jupyter reports them), requests through this process's proxy, and its Spark master's running applications.
 */
public final class ClusterActivity {

    private final ClusterBackend backend;
    private final NotebookActivityProbe notebooks;
    private final SparkMasterMonitor sparkMasters;
    private final NotebookActivityTracker requests;

    @Inject
    public ClusterActivity(ClusterBackend backend, NotebookActivityProbe notebooks, SparkMasterMonitor sparkMasters,
            NotebookActivityTracker requests) {
        this.backend = backend;
        this.notebooks = notebooks;
        this.sparkMasters = sparkMasters;
        this.requests = requests;
    }

    /**
     * @return {@code now} while a kernel is busy or a Spark application runs; otherwise the latest activity any
     *     source reported (empty if none did); empty too when the notebook or the Spark master cannot be asked, so
     *     that nobody's cluster is stopped on a guess
     */
    Optional<Instant> lastActivity(AACluster cluster, Instance notebook, Instant now) {
        NotebookAccess access = notebook.notebook().orElseThrow();
        Optional<Endpoint> notebookEndpoint = backend.endpoint(new InstanceRef(cluster.runtimeId(),
                ServiceKind.JUPYTER_NOTEBOOK, 1));
        Optional<NotebookActivity> reported = notebookEndpoint.flatMap(endpoint -> notebooks.probe(endpoint,
                access.urlPath(), access.token().value()));
        if (reported.isEmpty()) {
            return Optional.empty();
        }
        if (reported.get().busy()) {
            return Optional.of(now);
        }
        if (cluster.instance(ServiceKind.SPARK_MASTER, 1).isPresent()) {
            Optional<Integer> applications = backend.endpoint(new InstanceRef(cluster.runtimeId(),
                    ServiceKind.SPARK_MASTER, 1)).flatMap(sparkMasters::runningApplications);
            if (applications.isEmpty()) {
                return Optional.empty();
            }
            if (applications.get() > 0) {
                return Optional.of(now);
            }
        }
        Optional<Instant> request = requests.lastRequest(access.proxyId().toString());
        Optional<Instant> jupyter = reported.get().lastActivity();
        if (request.isPresent() && (jupyter.isEmpty() || request.get().isAfter(jupyter.get()))) {
            return request;
        }
        return jupyter.or(() -> Optional.of(Instant.EPOCH));
    }
}

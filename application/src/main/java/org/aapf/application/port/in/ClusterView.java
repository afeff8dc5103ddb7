package org.aapf.application.port.in;

import java.time.Instant;
import java.util.List;
import org.aapf.domain.cluster.ClusterStatus;

/**
 * An AACluster as the API shows it: {@code {name, status, services, createdAt}}.
 *
 * @param services always three, in the order jupyter-notebook, spark-master, spark-worker
 */
public record ClusterView(String name, ClusterStatus status, List<ServiceView> services, Instant createdAt) {

    public ClusterView {
        services = List.copyOf(services);
    }
}

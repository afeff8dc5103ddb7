package org.aapf.adapter.out.k8s;

import io.fabric8.kubernetes.api.model.Node;
import io.fabric8.kubernetes.api.model.Quantity;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientException;
import java.lang.System.Logger.Level;
import java.math.BigDecimal;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.aapf.application.port.out.BackendCapacity;
import org.aapf.application.port.out.HostCapacity;

/**
 * Every node's allocatable CPU, memory and {@code nvidia.com/gpu}, skipping nodes marked unschedulable. Listing nodes
 * needs a ClusterRole (get/list on nodes); without it the answer is unknown and every type stays offered. So it is
 * when no node is schedulable: a cluster autoscaler may add nodes of any size on demand, and nothing tells which.
 */
final class KubernetesNodeCapacity implements BackendCapacity {

    private static final System.Logger LOG = System.getLogger(KubernetesNodeCapacity.class.getName());
    private static final String GPU = "nvidia.com/gpu";
    private static final BigDecimal MIB = BigDecimal.valueOf(1024L * 1024L);
    private static final BigDecimal THOUSAND = BigDecimal.valueOf(1000);

    private final KubernetesClient client;

    KubernetesNodeCapacity(KubernetesClient client) {
        this.client = client;
    }

    @Override
    public Optional<List<HostCapacity>> hosts() {
        try {
            List<HostCapacity> schedulable = client.nodes().list().getItems().stream()
                    .filter(node -> node.getSpec() == null || !Boolean.TRUE.equals(node.getSpec().getUnschedulable()))
                    .map(KubernetesNodeCapacity::host)
                    .toList();
            return schedulable.isEmpty() ? Optional.empty() : Optional.of(schedulable);
        } catch (KubernetesClientException e) {
            LOG.log(Level.DEBUG, "Listing nodes failed; every performance type stays offered: {0}", e.getMessage());
            return Optional.empty();
        }
    }

    static HostCapacity host(Node node) {
        Map<String, Quantity> allocatable = node.getStatus() == null || node.getStatus().getAllocatable() == null
                ? Map.of()
                : node.getStatus().getAllocatable();
        return new HostCapacity("node " + node.getMetadata().getName(),
                amount(allocatable.get("cpu")).multiply(THOUSAND).longValue(),
                amount(allocatable.get("memory")).divideToIntegralValue(MIB).longValue(),
                amount(allocatable.get(GPU)).longValue());
    }

    private static BigDecimal amount(Quantity quantity) {
        return quantity == null ? BigDecimal.ZERO : quantity.getNumericalAmount();
    }
}

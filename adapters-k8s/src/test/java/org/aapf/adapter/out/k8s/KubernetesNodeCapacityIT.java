package org.aapf.adapter.out.k8s;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.fabric8.kubernetes.api.model.Node;
import io.fabric8.kubernetes.api.model.NodeBuilder;
import io.fabric8.kubernetes.api.model.Quantity;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.server.mock.EnableKubernetesMockClient;
import io.fabric8.kubernetes.client.server.mock.KubernetesMockServer;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.aapf.application.port.out.HostCapacity;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The nodes' allocatable resources as the fabric8 mock API server serves them. */
@EnableKubernetesMockClient(crud = true, https = false, kubernetesClientBuilderCustomizer = NoRetries.class)
class KubernetesNodeCapacityIT {

    static KubernetesClient client;
    static KubernetesMockServer server;

    @AfterEach
    void deleteNodes() {
        client.nodes().list().getItems().forEach(node -> client.resource(node).delete());
    }

    @Test
    void hosts_areTheSchedulableNodesAllocatableCpuMemoryAndGpus() {
        client.resource(node("cpu-1", "3500m", "7982Mi", null, false)).create();
        client.resource(node("gpu-1", "8", "32Gi", "2", false)).create();
        client.resource(node("cordoned", "64", "256Gi", "8", true)).create();

        List<HostCapacity> hosts = new KubernetesNodeCapacity(client).hosts().orElseThrow();

        assertEquals(List.of(new HostCapacity("node cpu-1", 3500, 7982, 0),
                new HostCapacity("node gpu-1", 8000, 32768, 2)),
                hosts.stream().sorted(java.util.Comparator.comparing(HostCapacity::name)).toList());
    }

    @Test
    void noSchedulableNode_isUnknown_soEveryTypeStaysOffered() {
        // an autoscaler may add nodes of any size on demand: nothing says a type can never run
        assertEquals(Optional.empty(), new KubernetesNodeCapacity(client).hosts());
    }

    private static Node node(String name, String cpu, String memory, String gpus, boolean unschedulable) {
        Map<String, Quantity> allocatable = new java.util.HashMap<>(Map.of("cpu", new Quantity(cpu), "memory",
                new Quantity(memory)));
        if (gpus != null) {
            allocatable.put("nvidia.com/gpu", new Quantity(gpus));
        }
        return new NodeBuilder().withNewMetadata().withName(name).endMetadata()
                .withNewSpec().withUnschedulable(unschedulable).endSpec()
                .withNewStatus().withAllocatable(allocatable).endStatus()
                .build();
    }
}

package org.aapf.adapter.out.k8s;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.fabric8.kubernetes.api.model.ConfigMap;
import io.fabric8.kubernetes.api.model.OwnerReference;
import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.networking.v1.NetworkPolicy;
import java.util.List;
import java.util.Map;
import org.aapf.domain.cluster.ClusterId;
import org.junit.jupiter.api.Test;

class NetworkPolicyManifestsTest {

    private static final String CLUSTERS = "aapf-clusters";
    private static final String SERVER_NAMESPACE = "aapf";

    private final ClusterId cluster = ClusterId.random();
    private final ClusterId other = ClusterId.random();
    private final ConfigMap root = PodManifestsTest.rootWithUid(cluster);
    private final OwnerReference owner = ClusterManifests.ownedBy(root);
    private final NetworkPolicy policy = NetworkPolicyManifests.isolation(Instances.SERVER, CLUSTERS, cluster,
            Instances.OWNER, owner, SERVER_NAMESPACE);

    private Pod pod(org.aapf.application.port.out.DesiredInstance desired) {
        return PodManifests.pod(Instances.SERVER, CLUSTERS, "cluster.local", desired, owner);
    }

    @Test
    void coversEveryPodOfTheClusterAndNoOtherOnes() {
        assertTrue(NetworkPolicyRules.selects(policy, pod(Instances.notebook(cluster))));
        assertTrue(NetworkPolicyRules.selects(policy, pod(Instances.sparkMaster(cluster))));
        assertTrue(NetworkPolicyRules.selects(policy, pod(Instances.gpuWorker(cluster, 1))));
        assertFalse(NetworkPolicyRules.selects(policy, pod(Instances.sparkMaster(other))));
        assertEquals(List.of("Ingress"), policy.getSpec().getPolicyTypes(), "egress (DNS, downloads) is left alone");
    }

    @Test
    void letsInTheSameClustersPods() {
        for (Pod peer : List.of(pod(Instances.notebook(cluster)), pod(Instances.gpuWorker(cluster, 2)))) {
            assertTrue(NetworkPolicyRules.admits(policy, CLUSTERS, Map.of(), peer.getMetadata().getLabels()));
        }
    }

    @Test
    void keepsOutOtherClustersPods_soNoSparkMasterIsReachableFromThem() {
        for (Pod peer : List.of(pod(Instances.notebook(other)), pod(Instances.sparkMaster(other)),
                pod(Instances.gpuWorker(other, 1)))) {
            assertFalse(NetworkPolicyRules.admits(policy, CLUSTERS, Map.of(), peer.getMetadata().getLabels()));
        }
    }

    @Test
    void letsInTheAapfServerPods_onlyFromTheServersNamespace() {
        assertTrue(NetworkPolicyRules.admits(policy, SERVER_NAMESPACE, Map.of(),
                NetworkPolicyManifests.SERVER_POD_LABELS));
        assertFalse(NetworkPolicyRules.admits(policy, "someone-else", Map.of(),
                NetworkPolicyManifests.SERVER_POD_LABELS), "a pod labelled like the server elsewhere is not");
        assertFalse(NetworkPolicyRules.admits(policy, SERVER_NAMESPACE, Map.of(), Map.of("app", "debug")),
                "another pod in the server's namespace is not");
    }

    @Test
    void isOwnedByTheClusterRootAndNamedLikeIt() {
        assertEquals(root.getMetadata().getName(), policy.getMetadata().getName());
        assertEquals(root.getMetadata().getUid(), policy.getMetadata().getOwnerReferences().get(0).getUid());
        assertEquals(cluster.toString(), policy.getMetadata().getLabels().get(Labels.CLUSTER));
    }

    @Test
    void serverPodLabels_areTheDeploymentsPodLabels() throws Exception {
        String deployment = java.nio.file.Files.readString(
                java.nio.file.Path.of("..", "deploy", "kubernetes", "deployment.yaml"));
        NetworkPolicyManifests.SERVER_POD_LABELS.forEach((key, value) ->
                assertTrue(deployment.contains(key + ": " + value), key + " in deployment.yaml"));
    }
}

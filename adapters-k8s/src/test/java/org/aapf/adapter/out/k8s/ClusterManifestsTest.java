package org.aapf.adapter.out.k8s;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.fabric8.kubernetes.api.model.ConfigMap;
import io.fabric8.kubernetes.api.model.OwnerReference;
import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.Service;
import org.aapf.application.port.out.DesiredInstance;
import org.aapf.domain.cluster.ClusterId;
import org.junit.jupiter.api.Test;

class ClusterManifestsTest {

    private final ClusterId cluster = ClusterId.random();
    private final ConfigMap root = PodManifestsTest.rootWithUid(cluster);
    private final OwnerReference owner = ClusterManifests.ownedBy(root);

    @Test
    void rootIsNamedFromTheClusterIdAndLabelledWithItsOwner() {
        assertTrue(root.getMetadata().getName().startsWith("aapf-c-"));
        assertEquals(Instances.OWNER.toString(), root.getMetadata().getLabels().get("aapf.org/owner"));
        assertEquals(cluster.toString(), root.getMetadata().getLabels().get("aapf.org/cluster"));
        assertTrue(root.getMetadata().getOwnerReferences().isEmpty());
    }

    @Test
    void subdomainServiceIsHeadlessOwnedAndSelectsTheWholeCluster() {
        Service service = ClusterManifests.subdomain(Instances.SERVER, "aapf", cluster, Instances.OWNER, owner);
        assertEquals("None", service.getSpec().getClusterIP());
        assertEquals(true, service.getSpec().getPublishNotReadyAddresses());
        assertEquals(Labels.cluster(Instances.SERVER, cluster), service.getSpec().getSelector());
        assertEquals(root.getMetadata().getUid(), service.getMetadata().getOwnerReferences().get(0).getUid());
    }

    @Test
    void notebookServiceSelectsExactlyItsPodOnTheHttpPort() {
        DesiredInstance notebook = Instances.notebook(cluster);
        Service service = ServiceManifests.service(Instances.SERVER, "aapf", notebook, owner);
        Pod pod = PodManifests.pod(Instances.SERVER, "aapf", "cluster.local", notebook, owner);
        assertEquals(pod.getMetadata().getName(), service.getMetadata().getName());
        assertTrue(pod.getMetadata().getLabels().entrySet().containsAll(service.getSpec().getSelector().entrySet()));
        assertEquals(8888, service.getSpec().getPorts().get(0).getPort());
        assertEquals(8888, service.getSpec().getPorts().get(0).getTargetPort().getIntVal());
        assertEquals(root.getMetadata().getName(), service.getMetadata().getOwnerReferences().get(0).getName());
        assertEquals(notebook.specHash(), service.getMetadata().getAnnotations().get("aapf.org/spec-hash"));
    }

    @Test
    void serviceSelectorDoesNotMatchOtherInstancesOfTheCluster() {
        Service service = ServiceManifests.service(Instances.SERVER, "aapf", Instances.sparkMaster(cluster), owner);
        Pod worker = PodManifests.pod(Instances.SERVER, "aapf", "cluster.local", Instances.gpuWorker(cluster, 1),
                owner);
        assertFalse(worker.getMetadata().getLabels().entrySet().containsAll(service.getSpec().getSelector().entrySet()));
    }

    @Test
    void onlyTheNotebookAndNamedInstancesGetAService() {
        assertTrue(ServiceManifests.needsService(Instances.notebook(cluster)));
        assertTrue(ServiceManifests.needsService(Instances.sparkMaster(cluster)));
        assertFalse(ServiceManifests.needsService(Instances.gpuWorker(cluster, 1)));
    }
}

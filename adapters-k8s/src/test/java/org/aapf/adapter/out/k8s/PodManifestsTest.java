package org.aapf.adapter.out.k8s;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.fabric8.kubernetes.api.model.ConfigMap;
import io.fabric8.kubernetes.api.model.Container;
import io.fabric8.kubernetes.api.model.OwnerReference;
import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.PodSecurityContext;
import io.fabric8.kubernetes.api.model.Quantity;
import io.fabric8.kubernetes.api.model.SecurityContext;
import java.util.List;
import java.util.Map;
import org.aapf.application.port.out.DesiredInstance;
import org.aapf.domain.cluster.ClusterId;
import org.junit.jupiter.api.Test;

class PodManifestsTest {

    private final ClusterId cluster = ClusterId.random();
    private final ConfigMap root = rootWithUid(cluster);
    private final OwnerReference owner = ClusterManifests.ownedBy(root);

    static ConfigMap rootWithUid(ClusterId cluster) {
        ConfigMap root = ClusterManifests.root(Instances.SERVER, "aapf", cluster, Instances.OWNER);
        root.getMetadata().setUid("0b7d8f6e-1111-2222-3333-444455556666");
        return root;
    }

    private Pod pod(DesiredInstance desired) {
        return PodManifests.pod(Instances.SERVER, "aapf", "cluster.local", desired, owner);
    }

    private static Container container(Pod pod) {
        assertEquals(1, pod.getSpec().getContainers().size());
        return pod.getSpec().getContainers().get(0);
    }

    @Test
    void podPassesEveryRestrictedField() {
        Pod pod = pod(Instances.notebook(cluster));
        PodSecurityContext podSecurity = pod.getSpec().getSecurityContext();
        assertEquals(true, podSecurity.getRunAsNonRoot());
        assertEquals(1000L, podSecurity.getRunAsUser());
        assertEquals("RuntimeDefault", podSecurity.getSeccompProfile().getType());
        assertEquals(false, pod.getSpec().getAutomountServiceAccountToken());
        assertNull(pod.getSpec().getHostNetwork());
        assertTrue(pod.getSpec().getVolumes().isEmpty());
        assertNull(pod.getSpec().getHostPID());
        SecurityContext security = container(pod).getSecurityContext();
        assertEquals(false, security.getAllowPrivilegeEscalation());
        assertEquals(false, security.getPrivileged());
        assertEquals(true, security.getRunAsNonRoot());
        assertEquals(List.of("ALL"), security.getCapabilities().getDrop());
        assertTrue(security.getCapabilities().getAdd().isEmpty());
        assertEquals("RuntimeDefault", security.getSeccompProfile().getType());
    }

    @Test
    void requestsAndLimitsComeFromResources() {
        Container container = container(pod(Instances.notebook(cluster)));
        Map<String, Quantity> requests = container.getResources().getRequests();
        Map<String, Quantity> limits = container.getResources().getLimits();
        assertEquals(new Quantity("1500m"), requests.get("cpu"));
        assertEquals(new Quantity("4096Mi"), requests.get("memory"));
        assertEquals(requests, limits);
        assertFalse(limits.containsKey("nvidia.com/gpu"));
    }

    @Test
    void gpusAreALimit() {
        Container container = container(pod(Instances.gpuWorker(cluster, 3)));
        assertEquals(new Quantity("2"), container.getResources().getLimits().get("nvidia.com/gpu"));
        assertEquals(new Quantity("250m"), container.getResources().getLimits().get("cpu"));
        assertEquals(new Quantity("512Mi"), container.getResources().getLimits().get("memory"));
    }

    @Test
    void podIsOwnedByTheClusterRoot() {
        Pod pod = pod(Instances.notebook(cluster));
        OwnerReference reference = pod.getMetadata().getOwnerReferences().get(0);
        assertEquals("ConfigMap", reference.getKind());
        assertEquals(root.getMetadata().getName(), reference.getName());
        assertEquals(root.getMetadata().getUid(), reference.getUid());
        assertEquals(true, reference.getBlockOwnerDeletion());
    }

    @Test
    void podCarriesOwnershipLabelsAndSpecHash() {
        DesiredInstance desired = Instances.gpuWorker(cluster, 3);
        Pod pod = pod(desired);
        Map<String, String> labels = pod.getMetadata().getLabels();
        assertEquals("aapf", labels.get("app.kubernetes.io/managed-by"));
        assertEquals(Instances.SERVER, labels.get("aapf.org/server"));
        assertEquals(cluster.toString(), labels.get("aapf.org/cluster"));
        assertEquals("spark-worker", labels.get("aapf.org/service"));
        assertEquals("3", labels.get("aapf.org/index"));
        assertEquals(Instances.OWNER.toString(), labels.get("aapf.org/owner"));
        assertEquals(desired.specHash(), pod.getMetadata().getAnnotations().get("aapf.org/spec-hash"));
        assertEquals(Names.instance(Instances.SERVER, desired.ref()), pod.getMetadata().getName());
        assertEquals("aapf", pod.getMetadata().getNamespace());
    }

    @Test
    void containerRunsTheImageCommandEnvAndProbe() {
        Container container = container(pod(Instances.notebook(cluster)));
        assertEquals("aapf/jupyter-notebook:6.4", container.getImage());
        assertEquals(List.of("start-notebook.sh", "--NotebookApp.base_url=/proxy/x"), container.getCommand());
        assertEquals(List.of("JUPYTER_TOKEN", "SPARK_MASTER"),
                container.getEnv().stream().map(env -> env.getName()).toList());
        assertEquals(8888, container.getPorts().get(0).getContainerPort());
        assertEquals("/proxy/x/jupyter/api/status", container.getReadinessProbe().getHttpGet().getPath());
        assertEquals(8888, container.getReadinessProbe().getHttpGet().getPort().getIntVal());
    }

    @Test
    void withoutHealthPathThereIsNoProbeAndWithoutCommandTheImagesOwn() {
        Container container = container(pod(Instances.gpuWorker(cluster, 1)));
        assertNull(container.getReadinessProbe());
        assertTrue(container.getCommand().isEmpty());
    }

    @Test
    void namedInstanceGetsHostnameInTheClusterSubdomainAndEveryPodSearchesIt() {
        Pod master = pod(Instances.sparkMaster(cluster));
        Pod worker = pod(Instances.gpuWorker(cluster, 1));
        String subdomain = Names.cluster(Instances.SERVER, cluster);
        assertEquals("spark-master", master.getSpec().getHostname());
        assertEquals(subdomain, master.getSpec().getSubdomain());
        assertNull(worker.getSpec().getHostname());
        assertEquals(List.of(subdomain + ".aapf.svc.cluster.local"), worker.getSpec().getDnsConfig().getSearches());
    }
}

package org.aapf.adapter.out.k8s;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.PersistentVolumeClaim;
import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.server.mock.EnableKubernetesMockClient;
import io.fabric8.kubernetes.client.server.mock.KubernetesMockServer;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.aapf.adapter.out.k8s.KubernetesSettings.EndpointMode;
import org.aapf.adapter.out.k8s.KubernetesSettings.NamespaceMode;
import org.aapf.application.port.out.DesiredInstance;
import org.aapf.application.port.out.Workspace;
import org.aapf.domain.cluster.ClusterId;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * A notebook's workspace claim on the mock API server: created once, owned by no instance object, mounted at the
 * workspace path, kept across pod replacement and stop/start (removeCluster), removed only by removeWorkspace.
 */
@EnableKubernetesMockClient(crud = true, https = false, kubernetesClientBuilderCustomizer = NoRetries.class)
class KubernetesWorkspaceIT {

    private static final String NAMESPACE = "aapf";

    static KubernetesClient client;
    static KubernetesMockServer server;

    private KubernetesClient watching;
    private KubernetesClusterBackend backend;
    private final ClusterId cluster = ClusterId.random();

    @BeforeEach
    void createBackend() {
        watching = server.createClient(new NoRetries());
        WorkspaceStorage storage = new WorkspaceStorage(Optional.of("standard"), "5Gi",
                Map.of("aapf/jupyter-notebook:6.4", new WorkspaceStorage(Optional.of("fast"), "20Gi", Map.of())));
        backend = new KubernetesClusterBackend(watching, new KubernetesSettings(NamespaceMode.SHARED, NAMESPACE,
                Instances.SERVER, EndpointMode.SERVICE_DNS, Duration.ofMinutes(1), Optional.empty(), "cluster.local",
                storage), Clock.systemUTC());
    }

    @AfterEach
    void deleteEverything() {
        deleteEach(client.pods().inAnyNamespace().list().getItems());
        deleteEach(client.services().inAnyNamespace().list().getItems());
        deleteEach(client.configMaps().inAnyNamespace().list().getItems());
        deleteEach(client.persistentVolumeClaims().inAnyNamespace().list().getItems());
        deleteEach(client.namespaces().list().getItems());
        backend.close();
        watching.close();
    }

    private static void deleteEach(List<? extends HasMetadata> objects) {
        objects.forEach(object -> client.resource(object).delete());
    }

    @Test
    void claimIsCreatedOnce_mountedAtTheWorkspacePath_andSizedForTheImage() {
        DesiredInstance notebook = withWorkspace(Instances.notebook(cluster));
        backend.apply(notebook);
        backend.apply(notebook);

        List<PersistentVolumeClaim> claims = claims();
        assertEquals(1, claims.size());
        PersistentVolumeClaim claim = claims.getFirst();
        assertTrue(claim.getMetadata().getOwnerReferences() == null
                || claim.getMetadata().getOwnerReferences().isEmpty(), "owned by no instance object");
        assertEquals("fast", claim.getSpec().getStorageClassName());
        assertEquals("20Gi", claim.getSpec().getResources().getRequests().get("storage").toString());
        assertEquals(Instances.OWNER.toString(), claim.getMetadata().getLabels().get(Labels.OWNER));
        Pod pod = client.pods().inNamespace(NAMESPACE).withName(Names.instance(Instances.SERVER, notebook.ref())).get();
        assertEquals(claim.getMetadata().getName(),
                pod.getSpec().getVolumes().getFirst().getPersistentVolumeClaim().getClaimName());
        assertEquals("/home/jovyan", pod.getSpec().getContainers().getFirst().getVolumeMounts().getFirst()
                .getMountPath());
    }

    @Test
    void claimSurvivesPodReplacementAndStopStart_andGoesOnlyWithRemoveWorkspace() {
        DesiredInstance notebook = withWorkspace(Instances.notebook(cluster));
        backend.apply(notebook);
        String uid = claims().getFirst().getMetadata().getUid();

        backend.remove(notebook.ref());
        backend.apply(notebook);
        assertEquals(List.of(uid), uids(), "pod replacement keeps the claim");

        backend.removeCluster(cluster);
        assertEquals(List.of(uid), uids(), "stopping (every object of the cluster removed) keeps the claim");
        backend.apply(notebook);
        assertEquals(List.of(uid), uids(), "starting again mounts the same claim");

        List<Workspace> listed = backend.workspaces();
        assertEquals(List.of(cluster), listed.stream().map(Workspace::cluster).toList());
        assertEquals(20L * 1024 * 1024 * 1024, listed.getFirst().sizeBytes().orElseThrow());

        backend.removeCluster(cluster);
        backend.removeWorkspace(cluster);
        backend.removeWorkspace(cluster);
        assertEquals(List.of(), claims());
        assertEquals(List.of(), backend.workspaces());
    }

    @Test
    void sparkInstancesGetNoClaim() {
        backend.apply(Instances.sparkMaster(cluster));

        assertEquals(List.of(), claims());
    }

    private List<PersistentVolumeClaim> claims() {
        return client.persistentVolumeClaims().inAnyNamespace().withLabel(Labels.SERVER, Instances.SERVER).list()
                .getItems();
    }

    private List<String> uids() {
        return claims().stream().map(claim -> claim.getMetadata().getUid()).toList();
    }

    private static DesiredInstance withWorkspace(DesiredInstance desired) {
        return new DesiredInstance(desired.ref(), desired.owner(), desired.image(), desired.command(), desired.env(),
                desired.resources(), desired.httpPort(), desired.healthPath(), desired.hostname(),
                Optional.of("/home/jovyan"));
    }
}

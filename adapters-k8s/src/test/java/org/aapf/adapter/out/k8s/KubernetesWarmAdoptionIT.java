package org.aapf.adapter.out.k8s;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.server.mock.EnableKubernetesMockClient;
import io.fabric8.kubernetes.client.server.mock.KubernetesMockServer;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.aapf.adapter.out.k8s.KubernetesSettings.EndpointMode;
import org.aapf.adapter.out.k8s.KubernetesSettings.NamespaceMode;
import org.aapf.application.port.out.DesiredInstance;
import org.aapf.application.port.out.ObservedInstance;
import org.aapf.application.port.out.WarmInstance;
import org.aapf.domain.cluster.ClusterId;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * A warm pool's notebook on the mock API server taken over by a cluster: every object of the cluster is relabelled to
 * the new owner in place (Kubernetes labels can change), the pod is neither replaced nor restarted, and what the
 * backend observes names the owner while keeping the spec hash the warm instance started with.
 */
@EnableKubernetesMockClient(crud = true, https = false, kubernetesClientBuilderCustomizer = NoRetries.class)
class KubernetesWarmAdoptionIT {

    private static final String NAMESPACE = "aapf";

    static KubernetesClient client;
    static KubernetesMockServer server;

    private KubernetesClient watching;
    private KubernetesClusterBackend backend;
    private final ClusterId cluster = ClusterId.random();

    @BeforeEach
    void createBackend() {
        watching = server.createClient(new NoRetries());
        backend = new KubernetesClusterBackend(watching, new KubernetesSettings(NamespaceMode.SHARED, NAMESPACE,
                Instances.SERVER, EndpointMode.SERVICE_DNS, Duration.ofMinutes(1), Optional.empty(), "cluster.local",
                new WorkspaceStorage(Optional.empty(), "5Gi", Map.of())), Clock.systemUTC());
    }

    @AfterEach
    void deleteEverything() {
        deleteEach(client.pods().inAnyNamespace().list().getItems());
        deleteEach(client.services().inAnyNamespace().list().getItems());
        deleteEach(client.configMaps().inAnyNamespace().list().getItems());
        deleteEach(client.network().v1().networkPolicies().inAnyNamespace().list().getItems());
        deleteEach(client.persistentVolumeClaims().inAnyNamespace().list().getItems());
        deleteEach(client.namespaces().list().getItems());
        backend.close();
        watching.close();
    }

    @Test
    void adoptionRelabelsEveryObjectToTheOwnerWithoutReplacingThePod() {
        DesiredInstance warm = warmNotebook();
        backend.apply(warm);
        String uid = pod(warm).getMetadata().getUid();

        backend.adopt(cluster, Instances.OWNER);
        backend.adopt(cluster, Instances.OWNER);

        List<HasMetadata> objects = objectsOfCluster();
        assertFalse(objects.isEmpty());
        objects.forEach(object -> assertEquals(Instances.OWNER.toString(), object.getMetadata().getLabels()
                .get(Labels.OWNER), object.getKind() + " " + object.getMetadata().getName()));
        assertEquals(uid, pod(warm).getMetadata().getUid(), "the same pod, not a replacement");
        Eventually.until("the informer to see the new owner", () -> backend.observe().stream()
                .anyMatch(seen -> seen.owner().equals(Instances.OWNER)));
        ObservedInstance seen = backend.observe().getFirst();
        assertEquals(warm.specHash(), seen.specHash(), "the warm spec hash stays, so the reconciler keeps the pod");
    }

    @Test
    void applyingTheWarmSpecAgainAfterAdoptionKeepsThePod() {
        DesiredInstance warm = warmNotebook();
        backend.apply(warm);
        String uid = pod(warm).getMetadata().getUid();
        backend.adopt(cluster, Instances.OWNER);

        backend.apply(warm);

        assertEquals(uid, pod(warm).getMetadata().getUid());
    }

    private DesiredInstance warmNotebook() {
        DesiredInstance notebook = Instances.notebook(cluster).withOwner(WarmInstance.POOL_OWNER);
        return new DesiredInstance(notebook.ref(), notebook.owner(), notebook.image(), notebook.command(),
                notebook.env(), notebook.resources(), notebook.httpPort(), notebook.healthPath(), notebook.hostname(),
                Optional.of("/home/jovyan"));
    }

    private Pod pod(DesiredInstance desired) {
        return client.pods().inNamespace(NAMESPACE).withName(Names.instance(Instances.SERVER, desired.ref())).get();
    }

    private List<HasMetadata> objectsOfCluster() {
        Map<String, String> selector = Labels.cluster(Instances.SERVER, cluster);
        List<HasMetadata> objects = new ArrayList<>();
        objects.addAll(client.configMaps().inNamespace(NAMESPACE).withLabels(selector).list().getItems());
        objects.addAll(client.services().inNamespace(NAMESPACE).withLabels(selector).list().getItems());
        objects.addAll(client.network().v1().networkPolicies().inNamespace(NAMESPACE).withLabels(selector).list()
                .getItems());
        objects.addAll(client.persistentVolumeClaims().inNamespace(NAMESPACE).withLabels(selector).list().getItems());
        objects.addAll(client.pods().inNamespace(NAMESPACE).withLabels(selector).list().getItems());
        return objects;
    }

    private static void deleteEach(List<? extends HasMetadata> objects) {
        objects.forEach(object -> client.resource(object).delete());
    }
}

package org.aapf.adapter.out.k8s;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.server.mock.EnableKubernetesMockClient;
import io.fabric8.kubernetes.client.server.mock.KubernetesMockServer;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import org.aapf.adapter.out.k8s.KubernetesSettings.EndpointMode;
import org.aapf.adapter.out.k8s.KubernetesSettings.NamespaceMode;
import org.aapf.application.port.out.ClusterBackend;
import org.aapf.application.port.out.ClusterBackendContract;
import org.aapf.application.port.out.DesiredInstance;
import org.aapf.application.port.out.Endpoint;
import org.aapf.application.port.out.InstanceRef;
import org.aapf.application.port.out.ObservedInstance.Phase;
import org.aapf.domain.catalogue.Resources;
import org.aapf.domain.user.UserId;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;

/**
 * The {@link ClusterBackendContract} on fabric8's mock API server in CRUD mode. The mock runs nothing, so a
 * {@link FakeKubelet} per server id reports every new pod Running and Ready.
 */
@EnableKubernetesMockClient(crud = true, https = false, kubernetesClientBuilderCustomizer = NoRetries.class)
class KubernetesClusterBackendContractIT extends ClusterBackendContract {

    private static final String NAMESPACE = "aapf-contract";
    private static final int HTTP_PORT = 8080;

    /** Set by the extension: one mock API server for the class. */
    static KubernetesMockServer server;

    /**
     * Backends and the kubelets' clients of every test, closed only after the whole class: JUnit runs this class's
     * {@code @AfterEach} before the contract's cleanup, and the mock server stalls when a watch closes while events
     * for it are still due.
     */
    private static final List<KubernetesClusterBackend> BACKENDS = new CopyOnWriteArrayList<>();
    private static final List<KubernetesClient> CLIENTS = new CopyOnWriteArrayList<>();

    private final String serverId = "ct-" + UUID.randomUUID().toString().substring(0, 8);
    private KubernetesClusterBackend backend;
    private KubernetesClusterBackend other;

    @AfterAll
    static void closeEverything() {
        BACKENDS.forEach(KubernetesClusterBackend::close);
        CLIENTS.forEach(KubernetesClient::close);
        BACKENDS.clear();
        CLIENTS.clear();
    }

    @Override
    protected ClusterBackend backend() {
        if (backend == null) {
            backend = open(serverId);
        }
        return backend;
    }

    @Override
    protected ClusterBackend otherServersBackend() {
        if (other == null) {
            other = open(serverId + "-other");
        }
        return other;
    }

    @Override
    protected ClusterBackend restartedBackend() {
        return track(new KubernetesClusterBackend(newClient(), settings(serverId), Clock.systemUTC()));
    }

    @Override
    protected DesiredInstance runnableInstance(InstanceRef ref, UserId owner) {
        return new DesiredInstance(ref, owner, "aapf/testbox:1", List.of("httpd", "-f", "-p", "8080"),
                Map.of("AAPF_TEST", "1"), new Resources(0.5, 64, Optional.empty()), HTTP_PORT,
                Optional.of("/health"), Optional.empty());
    }

    @Override
    protected Duration readyTimeout() {
        return Duration.ofSeconds(20);
    }

    /** What this runner sets up and the contract leaves open: where pods go and how the proxy reaches them. */
    @Test
    void instancesArePodsInTheSharedNamespace_reachedByTheirServiceName() {
        InstanceRef notebook = notebookOf(newCluster());
        backend().apply(runnableInstance(notebook, UserId.random()));
        awaitInstance(notebook, instance -> instance.phase() == Phase.READY);

        Endpoint endpoint = backend().endpoint(notebook).orElseThrow();
        assertTrue(endpoint.host().endsWith("." + NAMESPACE + ".svc"), endpoint::toString);
        assertEquals(HTTP_PORT, endpoint.port());
        assertEquals(1, newClient().pods().inNamespace(NAMESPACE)
                .withLabels(Labels.server(serverId)).list().getItems().size());
    }

    /** A backend on its own client, with a kubelet of its own that makes its pods ready. */
    private KubernetesClusterBackend open(String id) {
        FakeKubelet.start(newClient(), id);
        return track(new KubernetesClusterBackend(newClient(), settings(id), Clock.systemUTC()));
    }

    private static KubernetesClusterBackend track(KubernetesClusterBackend opened) {
        BACKENDS.add(opened);
        return opened;
    }

    private static KubernetesSettings settings(String id) {
        return new KubernetesSettings(NamespaceMode.SHARED, NAMESPACE, id, EndpointMode.SERVICE_DNS,
                Duration.ofMinutes(1), Optional.empty(), "cluster.local");
    }

    private static KubernetesClient newClient() {
        KubernetesClient created = server.createClient(new NoRetries());
        CLIENTS.add(created);
        return created;
    }
}

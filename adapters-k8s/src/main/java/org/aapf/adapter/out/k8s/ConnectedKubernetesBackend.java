package org.aapf.adapter.out.k8s;

import io.fabric8.kubernetes.client.KubernetesClient;
import java.time.Clock;
import java.util.List;
import java.util.Optional;
import org.aapf.application.port.out.BackendCapacity;
import org.aapf.application.port.out.ForwardingClusterBackend;
import org.aapf.application.port.out.HostCapacity;

/**
 * The Kubernetes backend together with the client it made from {@link KubernetesSettings} (kubeconfig or in-cluster):
 * what a server runs. Closing stops the informer, then closes the client.
 */
public final class ConnectedKubernetesBackend extends ForwardingClusterBackend implements BackendCapacity, AutoCloseable {

    private final KubernetesClient client;
    private final KubernetesClusterBackend backend;

    private ConnectedKubernetesBackend(KubernetesClient client, KubernetesClusterBackend backend) {
        super(backend);
        this.client = client;
        this.backend = backend;
    }

    /** Connects with the settings' kubeconfig, or the in-cluster / default configuration. */
    public static ConnectedKubernetesBackend connect(KubernetesSettings settings, Clock clock) {
        KubernetesClient client = KubernetesClients.create(settings);
        try {
            return new ConnectedKubernetesBackend(client, new KubernetesClusterBackend(client, settings, clock));
        } catch (RuntimeException e) {
            client.close();
            throw e;
        }
    }

    @Override
    public Optional<List<HostCapacity>> hosts() {
        return backend.hosts();
    }

    @Override
    public void close() {
        try {
            backend.close();
        } finally {
            client.close();
        }
    }
}

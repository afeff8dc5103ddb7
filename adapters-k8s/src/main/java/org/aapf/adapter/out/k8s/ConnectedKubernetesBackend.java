package org.aapf.adapter.out.k8s;

import io.fabric8.kubernetes.client.KubernetesClient;
import java.time.Clock;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;
import org.aapf.application.port.out.ClusterBackend;
import org.aapf.application.port.out.DesiredInstance;
import org.aapf.application.port.out.Endpoint;
import org.aapf.application.port.out.InstanceRef;
import org.aapf.application.port.out.ObservedInstance;
import org.aapf.domain.cluster.ClusterId;

/**
 * The Kubernetes backend together with the client it made from {@link KubernetesSettings} (kubeconfig or in-cluster):
 * what a server runs. Closing stops the informer, then closes the client.
 */
public final class ConnectedKubernetesBackend implements ClusterBackend, AutoCloseable {

    private final KubernetesClient client;
    private final KubernetesClusterBackend backend;

    private ConnectedKubernetesBackend(KubernetesClient client, KubernetesClusterBackend backend) {
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
    public String name() {
        return backend.name();
    }

    @Override
    public void apply(DesiredInstance desired) {
        backend.apply(desired);
    }

    @Override
    public void remove(InstanceRef ref) {
        backend.remove(ref);
    }

    @Override
    public void removeCluster(ClusterId cluster) {
        backend.removeCluster(cluster);
    }

    @Override
    public List<ObservedInstance> observe() {
        return backend.observe();
    }

    @Override
    public boolean restartsItself(InstanceRef failed) {
        return backend.restartsItself(failed);
    }

    @Override
    public Watch watch(Consumer<InstanceRef> onChange) {
        return backend.watch(onChange);
    }

    @Override
    public Optional<Endpoint> endpoint(InstanceRef ref) {
        return backend.endpoint(ref);
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

package org.aapf.adapter.out.k8s;

import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.PodBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.Watcher;
import io.fabric8.kubernetes.client.WatcherException;
import java.time.Instant;
import java.util.concurrent.CompletableFuture;

/**
 * Stands in for the kubelet on the mock API server, which runs nothing: every new pod of this server is reported
 * Running and Ready with a pod IP, as a healthy instance would be. It stops when its client is closed.
 */
final class FakeKubelet implements Watcher<Pod> {

    private final KubernetesClient client;

    private FakeKubelet(KubernetesClient client) {
        this.client = client;
    }

    static void start(KubernetesClient client, String serverId) {
        client.pods().inAnyNamespace().withLabel(Labels.SERVER, serverId).watch(new FakeKubelet(client));
    }

    @Override
    public void eventReceived(Action action, Pod pod) {
        if (action == Action.ADDED) {
            // never block the watch's own thread with a request
            CompletableFuture.runAsync(() -> markReady(pod));
        }
    }

    @Override
    public void onClose(WatcherException cause) {
        // the test is over
    }

    private void markReady(Pod pod) {
        String now = Instant.now().toString();
        client.pods().inNamespace(pod.getMetadata().getNamespace()).withName(pod.getMetadata().getName())
                .editStatus(current -> new PodBuilder(current).withStatus(PodStatuses.runningReady()).editStatus()
                        .editMatchingCondition(condition -> "Ready".equals(condition.getType()))
                            .withLastTransitionTime(now).endCondition()
                        .endStatus().build());
    }
}

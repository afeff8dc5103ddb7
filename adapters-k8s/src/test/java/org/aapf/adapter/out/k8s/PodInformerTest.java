package org.aapf.adapter.out.k8s;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.client.ConfigBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientBuilder;
import io.fabric8.kubernetes.client.informers.SharedIndexInformer;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;

/**
 * The pod informer's own rule, without an API server: an informer that is not running (as fabric8 leaves one whose
 * watch it cannot restart) is replaced on the next use. The informers here are built but never run, so no request is
 * made; fabric8's mock server is not used because it can stall closing a watch, and then cannot be closed.
 */
class PodInformerTest {

    @Test
    void anInformerThatIsNotRunning_isReplacedOnTheNextUse_soTheCacheDoesNotGoStale() {
        List<SharedIndexInformer<Pod>> started = new CopyOnWriteArrayList<>();
        try (KubernetesClient client = new KubernetesClientBuilder()
                .withConfig(new ConfigBuilder().withMasterUrl("http://127.0.0.1:1").build()).build();
                PodInformer informer = new PodInformer(handler -> {
                    SharedIndexInformer<Pod> stopped = client.pods().inNamespace("aapf").runnableInformer(0);
                    stopped.addEventHandler(handler);
                    started.add(stopped);
                    return stopped;
                })) {
            assertEquals(List.of(), informer.pods());
            assertEquals(1, started.size());

            informer.pods();

            assertEquals(2, started.size());
            assertFalse(started.getFirst().isRunning());
        }
    }
}

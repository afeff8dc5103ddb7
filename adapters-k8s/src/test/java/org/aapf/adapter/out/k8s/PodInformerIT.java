package org.aapf.adapter.out.k8s;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.PodBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.informers.SharedIndexInformer;
import io.fabric8.kubernetes.client.server.mock.EnableKubernetesMockClient;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;

/** The pod informer against fabric8's mock API server (CRUD mode). */
@EnableKubernetesMockClient(crud = true, https = false, kubernetesClientBuilderCustomizer = NoRetries.class)
class PodInformerIT {

    static KubernetesClient client;

    @Test
    void anInformerFabric8Stopped_isStartedAgainOnTheNextUse_soTheCacheDoesNotGoStale() {
        List<SharedIndexInformer<Pod>> started = new CopyOnWriteArrayList<>();
        try (PodInformer informer = new PodInformer(handler -> {
            SharedIndexInformer<Pod> one = client.pods().inNamespace("aapf").inform(handler, 0);
            started.add(one);
            return one;
        })) {
            assertEquals(List.of(), informer.pods());
            client.pods().inNamespace("aapf").resource(new PodBuilder().withNewMetadata().withName("sample")
                    .endMetadata().build()).create();
            // the watch's event delivered first: the mock server stalls closing a watch with an event in flight
            Eventually.until("the first informer saw the pod", () -> started.getFirst().getStore().list().size() == 1);
            started.getFirst().stop(); // as fabric8 does when it cannot restart a watch

            List<Pod> pods = informer.pods();

            assertEquals(2, started.size());
            assertFalse(started.getFirst().isRunning());
            assertTrue(started.getLast().isRunning());
            // the new informer's first list
            assertEquals(List.of("sample"), pods.stream().map(pod -> pod.getMetadata().getName()).toList());
        }
    }
}

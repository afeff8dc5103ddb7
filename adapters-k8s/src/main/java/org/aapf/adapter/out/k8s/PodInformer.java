package org.aapf.adapter.out.k8s;

import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.client.informers.ResourceEventHandler;
import io.fabric8.kubernetes.client.informers.SharedIndexInformer;
import java.lang.System.Logger.Level;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;
import java.util.function.Function;
import java.util.function.Predicate;
import java.util.function.Supplier;
import org.aapf.application.port.out.ClusterBackend;
import org.aapf.application.port.out.InstanceRef;

/**
 * One shared informer on the pods this server owns: its cache answers {@code observe()} and {@code endpoint()}
 * without API calls, and its events wake the watchers. Started on first use, so that constructing the backend never
 * needs the API server; a start that fails is retried on the next use.
 */
final class PodInformer implements AutoCloseable {

    private static final System.Logger LOG = System.getLogger(PodInformer.class.getName());

    private static final Duration POLL = Duration.ofMillis(10);

    private final Supplier<SharedIndexInformer<Pod>> starter;
    private final List<Consumer<InstanceRef>> listeners = new CopyOnWriteArrayList<>();
    private SharedIndexInformer<Pod> informer;

    /** {@code starter} starts an informer with the given handler (blocking until its first list). */
    PodInformer(Function<ResourceEventHandler<Pod>, SharedIndexInformer<Pod>> starter) {
        this.starter = () -> starter.apply(new Dispatcher());
    }

    /** The cached pods; starts the informer if needed. */
    List<Pod> pods() {
        return started().getStore().list();
    }

    /** Registers a listener; closing the returned watch removes it. */
    ClusterBackend.Watch addListener(Consumer<InstanceRef> listener) {
        started();
        listeners.add(listener);
        return () -> listeners.remove(listener);
    }

    /**
     * Waits (at most {@code max}) until the cache satisfies {@code condition}, so that a caller's own write is seen
     * by the next {@link #pods()}: read-your-writes for the reconciler. Returns at once when the informer has not
     * started, because its first list will be current anyway; gives up silently at the bound (events may lag).
     */
    void awaitCache(Predicate<List<Pod>> condition, Duration max) {
        SharedIndexInformer<Pod> running;
        synchronized (this) {
            running = informer;
        }
        if (running == null) {
            return;
        }
        long deadline = System.nanoTime() + max.toNanos();
        while (!condition.test(running.getStore().list()) && System.nanoTime() < deadline) {
            try {
                Thread.sleep(POLL.toMillis());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
        }
    }

    private synchronized SharedIndexInformer<Pod> started() {
        if (informer != null && !informer.isRunning()) {
            // fabric8 stops an informer whose watch it cannot restart (access revoked, say): its cache would go stale
            LOG.log(Level.WARNING, "The pod informer stopped; starting it again");
            informer.stop();
            informer = null;
        }
        if (informer == null) {
            informer = KubernetesErrors.call("watch the pods", starter::get);
        }
        return informer;
    }

    @Override
    public synchronized void close() {
        listeners.clear();
        if (informer != null) {
            informer.stop();
            informer = null;
        }
    }

    private void notifyListeners(Pod pod) {
        Labels.refOf(pod.getMetadata().getLabels()).ifPresent(ref -> {
            for (Consumer<InstanceRef> listener : listeners) {
                try {
                    listener.accept(ref);
                } catch (RuntimeException e) {
                    LOG.log(Level.WARNING, "A pod change listener failed", e);
                }
            }
        });
    }

    /** Every kind of event is the same hint: this instance may have changed. */
    private final class Dispatcher implements ResourceEventHandler<Pod> {
        @Override
        public void onAdd(Pod pod) {
            notifyListeners(pod);
        }

        @Override
        public void onUpdate(Pod oldPod, Pod newPod) {
            notifyListeners(newPod);
        }

        @Override
        public void onDelete(Pod pod, boolean finalStateUnknown) {
            notifyListeners(pod);
        }
    }
}

package org.aapf.application.service.reconcile;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.aapf.application.port.out.ClusterBackend;
import org.aapf.domain.catalogue.Catalogue;
import org.aapf.domain.cluster.AACluster;
import org.aapf.domain.cluster.Instance;
import org.aapf.domain.error.AapfException;

/**
 * Applies a cluster's instances, at most {@link #CONCURRENCY} at a time: on Docker each create copies or unpacks the
 * image, so a cluster's instances start together rather than one after another. An unexpected exception of any apply
 * is rethrown after all have finished.
 */
final class InstanceApplier {

    /** The most instances of one cluster applied at the same time. */
    private static final int CONCURRENCY = 4;

    private final ClusterBackend backend;

    InstanceApplier(ClusterBackend backend) {
        this.backend = backend;
    }

    /** The outcome of each apply, in the order of {@code instances}: empty when it succeeded. */
    List<Optional<AapfException>> applyAll(AACluster cluster, List<Instance> instances, Catalogue catalogue) {
        if (instances.isEmpty()) {
            return List.of();
        }
        return instances.size() == 1
                ? List.of(applyOne(cluster, instances.getFirst(), catalogue))
                : applyConcurrently(cluster, instances, catalogue);
    }

    private List<Optional<AapfException>> applyConcurrently(AACluster cluster, List<Instance> instances,
            Catalogue catalogue) {
        int threads = Math.min(CONCURRENCY, instances.size());
        try (ExecutorService pool = Executors.newFixedThreadPool(threads, Thread.ofVirtual().name("aapf-apply-", 0)
                .factory())) {
            List<Future<Optional<AapfException>>> futures = instances.stream()
                    .map(instance -> pool.submit(() -> applyOne(cluster, instance, catalogue))).toList();
            List<Optional<AapfException>> outcomes = new ArrayList<>();
            RuntimeException unexpected = null;
            for (Future<Optional<AapfException>> future : futures) {
                try {
                    outcomes.add(future.get());
                } catch (ExecutionException e) {
                    if (e.getCause() instanceof Error error) {
                        throw error;
                    }
                    unexpected = unexpected == null ? asRuntime(e.getCause()) : unexpected;
                    outcomes.add(Optional.empty());
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    throw new IllegalStateException("interrupted while applying instances", e);
                }
            }
            if (unexpected != null) {
                throw unexpected;
            }
            return outcomes;
        }
    }

    private Optional<AapfException> applyOne(AACluster cluster, Instance instance, Catalogue catalogue) {
        try {
            backend.apply(DesiredInstances.of(cluster, instance, catalogue));
            return Optional.empty();
        } catch (AapfException e) {
            return Optional.of(e);
        }
    }

    private static RuntimeException asRuntime(Throwable cause) {
        return cause instanceof RuntimeException runtime ? runtime : new IllegalStateException(cause);
    }
}

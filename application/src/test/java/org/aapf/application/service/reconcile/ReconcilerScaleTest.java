package org.aapf.application.service.reconcile;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import org.aapf.domain.user.UserId;
import org.junit.jupiter.api.Test;
import org.aapf.application.testing.ClusterWorld;

/**
 * 10,000 clusters (1,000 users with 10 each) against the fake backend: a steady pass writes nothing and stays well
 * within the 2 s goal. The bound asserted is loose because build machines are shared; the figure is logged.
 */
class ReconcilerScaleTest {

    private static final System.Logger LOG = System.getLogger(ReconcilerScaleTest.class.getName());

    @Test
    void steadyPassOverTenThousandClusters_writesNothingAndIsFast() {
        ClusterWorld world = new ClusterWorld();
        for (int user = 0; user < 1_000; user++) {
            UserId owner = UserId.random();
            for (int cluster = 0; cluster < 10; cluster++) {
                world.createNotebook(owner, "cluster-" + cluster);
            }
        }
        Reconciler reconciler = world.newReconciler();
        reconciler.reconcileOnce();
        reconciler.reconcileOnce();
        int writes = world.clusters.updates();

        long best = Long.MAX_VALUE;
        PassReport report = null;
        for (int pass = 0; pass < 3; pass++) {
            long start = System.nanoTime();
            report = reconciler.reconcileOnce();
            best = Math.min(best, System.nanoTime() - start);
        }

        LOG.log(System.Logger.Level.INFO, "Steady pass over {0} clusters: {1} ms", report.clusters(),
                Duration.ofNanos(best).toMillis());
        assertEquals(10_000, report.clusters());
        assertEquals(writes, world.clusters.updates(), "a steady pass writes nothing");
        assertEquals(10_000, world.backend.applyCalls(), "each instance was applied exactly once");
        assertTrue(Duration.ofNanos(best).compareTo(Duration.ofSeconds(5)) < 0, "took " + best / 1_000_000 + " ms");
    }
}

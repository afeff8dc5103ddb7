package org.aapf.application.service.reconcile;

import static org.aapf.application.testing.ClusterWorld.ALICE;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Optional;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.aapf.application.port.out.ClusterBackend;
import org.aapf.application.port.out.DesiredInstance;
import org.aapf.application.port.out.ForwardingClusterBackend;
import org.aapf.application.port.out.InstanceRef;
import org.aapf.application.port.out.ObservedInstance.Phase;
import org.aapf.domain.cluster.ClusterStatus;
import org.aapf.domain.cluster.Health;
import org.aapf.domain.cluster.ServiceKind;
import org.junit.jupiter.api.Test;
import org.aapf.application.testing.ClusterWorld;
import org.aapf.application.port.out.SparkMasterMonitor;
import org.aapf.application.port.out.Metrics;

/** The reconciler starts Spark workers after their master is ready, and a cluster's instances together. */
class SparkStartOrderTest {

    private final ClusterWorld world = new ClusterWorld();

    @Test
    void workersAreAppliedOnlyOnceTheMasterIsReady() {
        Reconciler reconciler = world.newReconciler();
        world.backend.startInstancesAs(Phase.STARTING);
        world.createWithSpark(ALICE, "sample", 2);

        assertEquals(2, reconciler.reconcileOnce().applied(), "the notebook and the master");
        PassReport waiting = reconciler.reconcileOnce();
        assertEquals(0, waiting.applied(), "workers wait while the master starts");
        assertTrue(waiting.busy(), "a waiting worker keeps the reconciler looking");
        assertEquals(2, world.backend.instances().size());

        world.backend.setState(ref(ServiceKind.SPARK_MASTER), Phase.READY, Optional.of(Health.HEALTHY), List.of());
        assertEquals(2, reconciler.reconcileOnce().applied(), "both workers, once the master is ready");
        world.backend.instances().forEach(instance -> world.backend.setState(instance.ref(), Phase.READY,
                Optional.of(Health.HEALTHY), List.of()));
        reconciler.reconcileOnce();

        assertEquals(ClusterStatus.CREATED, world.view(ALICE, "sample").status());
    }

    @Test
    void aClustersInstancesAreAppliedAtTheSameTime() {
        ConcurrencyProbe probe = new ConcurrencyProbe(world.backend, 2);
        Reconciler reconciler = new Reconciler(world.clusters, world.events, probe, world.catalogue::get, world.lease,
                world.clock, world.settings.withHolderId("process-probe"), SparkMasterMonitor.none(), Metrics.none());
        world.createWithSpark(ALICE, "sample", 1);

        assertEquals(2, reconciler.reconcileOnce().applied());

        assertEquals(2, probe.mostAtOnce.get(), "the notebook's and the master's applies overlapped");
    }

    private InstanceRef ref(ServiceKind service) {
        return new InstanceRef(world.stored(ALICE, "sample").id(), service, 1);
    }

    /** Counts how many applies run at once; each waits (bounded) until {@code expected} have arrived. */
    private static final class ConcurrencyProbe extends ForwardingClusterBackend {

        private final CountDownLatch arrived;
        private final AtomicInteger running = new AtomicInteger();
        private final AtomicInteger mostAtOnce = new AtomicInteger();

        ConcurrencyProbe(ClusterBackend delegate, int expected) {
            super(delegate);
            this.arrived = new CountDownLatch(expected);
        }

        @Override
        public void apply(DesiredInstance desired) {
            mostAtOnce.accumulateAndGet(running.incrementAndGet(), Math::max);
            arrived.countDown();
            try {
                arrived.await(10, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            super.apply(desired);
            running.decrementAndGet();
        }
    }
}

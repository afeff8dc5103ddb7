package org.aapf.application.service.reconcile;

import static org.aapf.application.testing.ClusterWorld.ALICE;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.BooleanSupplier;

import org.aapf.application.port.in.CreateClusterUseCase.CreateClusterCommand;
import org.aapf.application.port.in.DeleteClusterUseCase.DeleteClusterCommand;
import org.aapf.application.port.out.InstanceRef;
import org.aapf.application.port.out.Metrics;
import org.aapf.application.port.out.ServerSignals;
import org.aapf.application.port.out.SparkMasterMonitor;
import org.aapf.application.port.out.WarmInstanceRepository;
import org.aapf.application.port.out.WarmPoolMetrics;
import org.aapf.application.service.catalogue.CatalogueVisibility;
import org.aapf.application.service.cluster.ClusterLimits;
import org.aapf.application.service.cluster.CreateClusterService;
import org.aapf.application.service.cluster.DeleteClusterService;
import org.aapf.application.testing.ClusterWorld;
import org.aapf.application.testing.FakeClusterBackend;
import org.aapf.application.testing.InMemoryClusterEventRepository;
import org.aapf.application.testing.InMemoryClusterRepository;
import org.aapf.application.testing.InMemoryReconcilerLease;
import org.aapf.application.testing.TestCatalogues;
import org.aapf.application.testing.TestQuotas;
import org.aapf.domain.cluster.ClusterEvent;
import org.aapf.domain.cluster.ClusterName;
import org.aapf.domain.cluster.ClusterStatus;
import org.aapf.domain.cluster.ServiceKind;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * The running loop on its thread, with a real clock and a resync so long that only wake-ups (and restarts falling
 * due) can drive it.
 */
class ReconcilerLoopTest {

    private final Clock clock = Clock.systemUTC();
    private final InMemoryClusterRepository clusters = new InMemoryClusterRepository();
    private final InMemoryClusterEventRepository events = new InMemoryClusterEventRepository();
    private final FakeClusterBackend backend = new FakeClusterBackend(clock);
    private final InMemoryReconcilerLease lease = new InMemoryReconcilerLease(clock);
    private final Reconciler reconciler = new Reconciler(clusters, events, backend, TestCatalogues::standard, lease,
            clock, ReconcilerSettings.defaults().withResyncInterval(Duration.ofHours(1))
                    .withRestartDelay(Duration.ofMillis(200)), SparkMasterMonitor.none(), Metrics.none());
    private final CreateClusterService create = new CreateClusterService(clusters, events, TestCatalogues::standard,
            CatalogueVisibility.everything(), ClusterLimits.defaults(),
            TestQuotas.unlimited(clusters, TestCatalogues::standard), TestQuotas.anyType(clock), reconciler, clock, WarmInstanceRepository.none(),
                WarmPoolMetrics.none());
    private final DeleteClusterService delete = new DeleteClusterService(clusters, events, reconciler, clock);

    @AfterEach
    void stop() {
        reconciler.close();
    }

    @Test
    void apiWakeUpsAndBackendHints_driveClustersToTheirStates() throws InterruptedException {
        reconciler.start();
        create.create(new CreateClusterCommand(ALICE, "sample", Optional.of(ClusterWorld.notebook()),
                Optional.empty(), Optional.empty()));
        awaitTrue(() -> status("sample") == ClusterStatus.CREATED);

        InstanceRef notebook = new InstanceRef(stored("sample"), ServiceKind.JUPYTER_NOTEBOOK, 1);
        backend.crash(notebook, "Exited", "The instance exited with code 1");
        awaitTrue(() -> status("sample") == ClusterStatus.ERROR);
        awaitTrue(() -> backend.creations() == 2 && status("sample") == ClusterStatus.CREATED);
        assertEquals(1, events.count(stored("sample"), ClusterEvent.Type.RESTARTED),
                "the loop woke up for the restart: no API change, no backend hint, no resync due");

        delete.delete(new DeleteClusterCommand(ALICE, "sample"));
        awaitTrue(() -> clusters.listByOwner(ALICE).isEmpty());
        assertTrue(backend.instances().isEmpty());
    }

    @Test
    void closeStopsTheThreadAndReleasesTheLease() throws InterruptedException {
        reconciler.start();
        awaitTrue(() -> lease.holder().isPresent());

        reconciler.close();

        assertEquals(Optional.empty(), lease.holder());
        int observed = backend.observeCalls();
        reconciler.wake();
        Thread.sleep(100);
        assertEquals(observed, backend.observeCalls(), "no pass after close");
    }

    @Test
    void standby_takesOverOnceTheDeadHoldersLeaseLapses_withNoWakeUpAndNoResyncDue() throws InterruptedException {
        lease.acquireOrRenew("dead-server", Duration.ofMillis(300));
        CreateClusterService createWithoutWake = new CreateClusterService(clusters, events, TestCatalogues::standard,
                CatalogueVisibility.everything(), ClusterLimits.defaults(),
                TestQuotas.unlimited(clusters, TestCatalogues::standard), TestQuotas.anyType(clock), () -> { }, clock, WarmInstanceRepository.none(),
                WarmPoolMetrics.none());
        createWithoutWake.create(new CreateClusterCommand(ALICE, "sample", Optional.of(ClusterWorld.notebook()),
                Optional.empty(), Optional.empty()));
        Reconciler standby = new Reconciler(clusters, events, backend, TestCatalogues::standard, lease, clock,
                ReconcilerSettings.defaults().withResyncInterval(Duration.ofHours(1))
                        .withLeaseTtl(Duration.ofSeconds(1)).withHolderId("standby"), SparkMasterMonitor.none(),
                Metrics.none());
        try {
            standby.start();
            awaitTrue(() -> standby.lastPass().isPresent());
            assertEquals(Optional.of("dead-server"), lease.holder(), "the first pass found the lease held");

            awaitTrue(() -> status("sample") == ClusterStatus.CREATED);

            assertEquals(Optional.of("standby"), lease.holder());
            assertTrue(standby.lastPass().orElseThrow().leader());
        } finally {
            standby.close();
        }
    }

    @Test
    void changeAcceptedByAStandby_isCarriedOutByTheHolderAtOnce_notAtItsNextResync() throws InterruptedException {
        Reconciler standby = new Reconciler(clusters, events, backend, TestCatalogues::standard, lease, clock,
                ReconcilerSettings.defaults().withResyncInterval(Duration.ofHours(1)).withHolderId("standby"),
                SparkMasterMonitor.none(), Metrics.none());
        List<Runnable> listeners = new CopyOnWriteArrayList<>();
        ServerSignals database = new ServerSignals() {
            @Override
            public void announce() {
                listeners.forEach(Runnable::run);
            }

            @Override
            public Listening listen(Runnable onSignal) {
                listeners.add(onSignal);
                return () -> listeners.remove(onSignal);
            }
        };
        try (ServerSignals.Listening holderListens = database.listen(reconciler::peerChanged);
                ServerSignals.Listening standbyListens = database.listen(standby::peerChanged)) {
            reconciler.start();
            awaitTrue(() -> reconciler.lastPass().isPresent() && reconciler.lastPass().get().leader());
            standby.start();
            awaitTrue(() -> standby.lastPass().isPresent());
            PassReport standbyPass = standby.lastPass().orElseThrow();
            CreateClusterService createOnStandby = new CreateClusterService(clusters, events,
                    TestCatalogues::standard, CatalogueVisibility.everything(), ClusterLimits.defaults(),
                    TestQuotas.unlimited(clusters, TestCatalogues::standard), TestQuotas.anyType(clock),
                    new AnnouncingTrigger(standby, database), clock, WarmInstanceRepository.none(),
                    WarmPoolMetrics.none());

            createOnStandby.create(new CreateClusterCommand(ALICE, "sample", Optional.of(ClusterWorld.notebook()),
                    Optional.empty(), Optional.empty()));

            awaitTrue(() -> status("sample") == ClusterStatus.CREATED);
            assertTrue(lease.holder().isPresent() && !lease.holder().get().equals("standby"),
                    "the holder carried it out");
            standby.peerChanged();
            Thread.sleep(100);
            assertTrue(standbyPass == standby.lastPass().orElseThrow() || !standby.lastPass().get().leader(),
                    "a standby does not pass for another server's change");
        } finally {
            standby.close();
        }
    }

    private ClusterStatus status(String name) {
        return clusters.findByName(ALICE, new ClusterName(name)).map(c -> c.status()).orElse(null);
    }

    private org.aapf.domain.cluster.ClusterId stored(String name) {
        return clusters.findByName(ALICE, new ClusterName(name)).orElseThrow().id();
    }

    private static void awaitTrue(BooleanSupplier condition) throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("condition not met within 10 s");
            }
            Thread.sleep(10);
        }
    }
}

package org.aapf.application.service.idle;

import static org.aapf.application.testing.ClusterWorld.ALICE;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicReference;
import org.aapf.application.port.out.NotebookActivityProbe;
import org.aapf.application.port.out.NotebookActivityProbe.NotebookActivity;
import org.aapf.application.service.reconcile.Reconciler;
import org.aapf.application.testing.ClusterWorld;
import org.aapf.application.testing.InMemoryApiTokenRepository;
import org.aapf.application.testing.InMemorySessionRepository;
import org.aapf.application.testing.InMemoryUserRepository;
import org.aapf.domain.audit.AuditEntry;
import org.aapf.domain.cluster.ClusterStatus;
import org.junit.jupiter.api.Test;

/**
 * The idle shutdown's decisions over the in-memory world with a 20 s timeout: the notebook's reported activity is
 * set by the test (the real Jupyter API is read by {@code JupyterActivityProbe}, tested against real notebooks).
 */
class IdleShutdownTest {

    private final ClusterWorld world = new ClusterWorld();
    private final Reconciler reconciler = world.newReconciler();
    private final AtomicReference<Optional<NotebookActivity>> reported = new AtomicReference<>(
            Optional.of(new NotebookActivity(false, Optional.empty())));
    private final NotebookActivityProbe probe = (endpoint, basePath, token) -> reported.get();
    private final NotebookActivityTracker requests = new NotebookActivityTracker(world.clock);
    private final List<AuditEntry> audit = new ArrayList<>();
    private final IdleShutdown idle = new IdleShutdown(world.clusters, world.events,
            new InMemoryUserRepository(new InMemorySessionRepository(), new InMemoryApiTokenRepository()),
            new ClusterActivity(world.backend, probe, masterUi -> Optional.empty(), requests), requests,
            world.stop, audit::add, reconciler, new IdleSettings(Duration.ofSeconds(20), Optional.empty()),
            world.clock);

    @Test
    void idleNotebookIsWarnedThenStopped_andTheStopIsAudited() {
        world.createNotebook(ALICE, "nb");
        settle();
        idle.sweepOnce();

        world.advance(Duration.ofSeconds(15));
        assertEquals(1, idle.sweepOnce().warned().size());
        world.advance(Duration.ofSeconds(5));
        assertEquals(1, idle.sweepOnce().stopped().size());
        settle();

        assertEquals(ClusterStatus.STOPPED, world.view(ALICE, "nb").status());
        List<String> types = world.history.list(ALICE, "nb").stream().map(e -> e.type().apiName()).toList();
        assertTrue(types.containsAll(List.of("idle", "stopping", "stopped")), types.toString());
        assertEquals("cluster.stop.idle", audit.getFirst().action());
        assertEquals(AuditEntry.SYSTEM, audit.getFirst().actor());
    }

    @Test
    void busyKernelKeepsItRunning_andAnyActivityRestartsTheClock() {
        world.createNotebook(ALICE, "nb");
        settle();
        idle.sweepOnce();
        reported.set(Optional.of(new NotebookActivity(true, Optional.empty())));

        world.advance(Duration.ofMinutes(5));
        assertEquals(List.of(), idle.sweepOnce().stopped());

        reported.set(Optional.of(new NotebookActivity(false, Optional.of(world.clock.instant()))));
        world.advance(Duration.ofSeconds(19));
        assertEquals(List.of(), idle.sweepOnce().stopped());
        String proxyId = world.view(ALICE, "nb").services().getFirst().instances().getFirst().urlPath()
                .orElseThrow().split("/")[2];
        requests.record(proxyId);
        world.advance(Duration.ofSeconds(19));
        assertEquals(List.of(), idle.sweepOnce().stopped(), "a proxied request is activity");
        world.advance(Duration.ofSeconds(1));
        assertEquals(1, idle.sweepOnce().stopped().size());
    }

    @Test
    void notebookThatCannotBeAskedIsNotStoppedOnAGuess() {
        world.createNotebook(ALICE, "nb");
        settle();
        reported.set(Optional.empty());

        world.advance(Duration.ofHours(2));

        assertEquals(List.of(), idle.sweepOnce().stopped());
        assertEquals(ClusterStatus.CREATED, world.view(ALICE, "nb").status());
    }

    private void settle() {
        for (int i = 0; i < 5; i++) {
            reconciler.reconcileOnce();
        }
    }

}

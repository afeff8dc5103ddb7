package org.aapf.adapter.out.persistence;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.Instant;
import java.util.function.BooleanSupplier;
import org.aapf.application.service.reconcile.Reconciler;
import org.aapf.application.testing.SimulatedCrash;
import org.aapf.domain.cluster.ClusterEvent;
import org.aapf.domain.cluster.ClusterId;
import org.aapf.domain.cluster.ClusterStatus;
import org.aapf.domain.user.UserId;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The server dies in the middle of a create or a delete; a new server process over the same PostgreSQL database
 * and backend waits for the dead one's lease to expire, then finishes the job without doing anything twice.
 */
class ReconcilerRestartPostgresIT {

    private static final Duration TTL = Duration.ofSeconds(1);

    private final ClusterServers servers = new ClusterServers();
    private UserId owner;

    @BeforeEach
    void addOwner() {
        owner = servers.addUser("ann");
    }

    @AfterEach
    void dropDatabase() {
        servers.close();
    }

    @Test
    void crashRightAfterAnApply_restartedServerCreatesNothingTwice() throws InterruptedException {
        servers.createCluster(owner, "sample", 2);
        servers.backend.crashProcessAfterNextApply();
        Reconciler first = servers.startServer("first", TTL);
        assertThrows(SimulatedCrash.class, first::reconcileOnce);

        Reconciler restarted = servers.startServer("restarted", TTL);
        passUntil(restarted, () -> servers.stored(owner, "sample").orElseThrow().status() == ClusterStatus.CREATED);

        ClusterId id = servers.stored(owner, "sample").orElseThrow().id();
        assertEquals(4, servers.backend.instancesOf(id).size());
        assertEquals(4, servers.backend.creations(), "no instance was created twice");
        assertEquals(1, servers.count(id, ClusterEvent.Type.REQUESTED));
        assertEquals(1, servers.count(id, ClusterEvent.Type.CREATED));
        assertEquals("restarted@2", servers.leaseRow());
    }

    @Test
    void crashInTheMiddleOfADelete_restartedServerFinishesIt() throws InterruptedException {
        servers.createCluster(owner, "sample", 2);
        Reconciler first = servers.startServer("first", TTL);
        passUntil(first, () -> servers.stored(owner, "sample").orElseThrow().status() == ClusterStatus.CREATED);
        ClusterId id = servers.stored(owner, "sample").orElseThrow().id();
        servers.deleteCluster(owner, "sample");
        servers.backend.crashProcessAfterNextRemoveCluster();
        assertThrows(SimulatedCrash.class, first::reconcileOnce);
        assertEquals(ClusterStatus.DELETING, servers.stored(owner, "sample").orElseThrow().status(),
                "not gone before the backend confirmed it");

        Reconciler restarted = servers.startServer("restarted", TTL);
        passUntil(restarted, () -> servers.stored(owner, "sample").isEmpty());

        assertTrue(servers.backend.instances().isEmpty());
        assertEquals(4, servers.backend.creations());
        assertEquals(1, servers.count(id, ClusterEvent.Type.DELETING));
        assertEquals(1, servers.count(id, ClusterEvent.Type.DELETED));
    }

    /** Runs passes until {@code done}; the first ones find the dead server's lease still running. */
    private static void passUntil(Reconciler reconciler, BooleanSupplier done)
            throws InterruptedException {
        Instant deadline = Instant.now().plusSeconds(30);
        while (!done.getAsBoolean()) {
            if (Instant.now().isAfter(deadline)) {
                throw new AssertionError("did not finish within 30 s");
            }
            reconciler.reconcileOnce();
            Thread.sleep(20);
        }
    }
}

package org.aapf.adapter.out.persistence;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.BooleanSupplier;
import java.util.stream.Collectors;
import org.aapf.application.port.out.InstanceRef;
import org.aapf.application.service.reconcile.Reconciler;
import org.aapf.domain.cluster.ClusterEvent;
import org.aapf.domain.cluster.ClusterId;
import org.aapf.domain.cluster.ClusterStatus;
import org.aapf.domain.user.UserId;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * Two reconcilers (two "server processes", each with its own pool) race on one PostgreSQL schema and one backend
 * while clusters are created and deleted: only the lease holder acts, nothing is applied twice, nothing is lost,
 * and a follower takes over once a dead leader's lease has expired by the database's clock.
 */
class ReconcilersRacePostgresIT {

    private static final int CLUSTERS = 30;
    private static final int INSTANCES_PER_CLUSTER = 3;

    private final ClusterServers servers = new ClusterServers();

    @AfterEach
    void dropDatabase() {
        servers.close();
    }

    @Test
    void racingReconcilers_onlyTheLeaseHolderActs_andNothingIsLostOrDuplicated() throws Exception {
        Reconciler a = servers.startServer("server-a", Duration.ofSeconds(20));
        Reconciler b = servers.startServer("server-b", Duration.ofSeconds(20));
        List<UserId> owners = List.of(servers.addUser("ann"), servers.addUser("ben"), servers.addUser("cy"));
        Set<String> deleted = new HashSet<>();
        PassLoop loopA = PassLoop.start("a", a);
        PassLoop loopB = PassLoop.start("b", b);
        try (loopA; loopB) {
            for (int i = 0; i < CLUSTERS; i++) {
                servers.createCluster(owners.get(i % 3), "c" + i, 1);
                if (i % 3 == 2) {
                    servers.deleteCluster(owners.get((i - 1) % 3), "c" + (i - 1));
                    deleted.add("c" + (i - 1));
                }
                Thread.sleep(5);
            }
            awaitTrue(() -> converged(owners, deleted), Duration.ofSeconds(90));
        }

        assertTrue(loopA.errors().isEmpty() && loopB.errors().isEmpty(), () -> "errors: " + loopA.errors()
                + loopB.errors());
        String leader = loopA.leaderPasses() > 0 ? "server-a" : "server-b";
        PassLoop follower = leader.equals("server-a") ? loopB : loopA;
        assertEquals(0, follower.leaderPasses(), "the follower never held the lease while the leader renewed it");
        assertTrue(follower.followerPasses() > 0, "the follower did try");
        assertEquals(Set.of(leader), servers.calls.stream().map(RecordingBackend.Call::server)
                .collect(Collectors.toSet()), "only the lease holder called the backend");
        assertNothingAppliedTwice();
        int kept = CLUSTERS - deleted.size();
        assertEquals(kept * INSTANCES_PER_CLUSTER, servers.backend.instances().size());
        assertHistories(owners, deleted);
        assertEquals(leader + "@1", servers.leaseRow());
    }

    @Test
    void afterTheLeaderDies_theFollowerTakesOverOnceItsLeaseExpiresAndFinishesTheWork() throws Exception {
        Duration ttl = Duration.ofSeconds(2);
        Reconciler a = servers.startServer("server-a", ttl);
        Reconciler b = servers.startServer("server-b", ttl);
        UserId owner = servers.addUser("ann");
        servers.createCluster(owner, "before", 2);
        Instant lastRenewal = Instant.now();
        assertTrue(a.reconcileOnce().leader());
        assertFalse(b.reconcileOnce().leader());

        // server-a dies here: it never runs again and never releases its lease
        servers.createCluster(owner, "after", 2);
        Instant takeover = null;
        while (takeover == null) {
            if (b.reconcileOnce().leader()) {
                takeover = Instant.now();
            }
            Thread.sleep(20);
        }
        awaitTrue(() -> allCreated(owner, List.of("before", "after")), Duration.ofSeconds(30), b);

        Duration waited = Duration.between(lastRenewal, takeover);
        assertTrue(waited.compareTo(ttl.minusMillis(100)) >= 0, "took over only after expiry: " + waited);
        assertTrue(waited.compareTo(ttl.plusSeconds(5)) < 0, "took over soon after expiry: " + waited);
        assertEquals("server-b@2", servers.leaseRow(), "the takeover started a new epoch");
        assertEquals(8, servers.backend.instances().size());
        assertNothingAppliedTwice();
    }

    private boolean converged(List<UserId> owners, Set<String> deleted) {
        for (int i = 0; i < CLUSTERS; i++) {
            var stored = servers.stored(owners.get(i % 3), "c" + i);
            boolean ok = deleted.contains("c" + i)
                    ? stored.isEmpty()
                    : stored.filter(c -> c.status() == ClusterStatus.CREATED).isPresent();
            if (!ok) {
                return false;
            }
        }
        return servers.backend.instances().size() == (CLUSTERS - deleted.size()) * INSTANCES_PER_CLUSTER;
    }

    private boolean allCreated(UserId owner, List<String> names) {
        return names.stream().allMatch(name -> servers.stored(owner, name)
                .filter(c -> c.status() == ClusterStatus.CREATED).isPresent());
    }

    /** Every instance the backend ever created was applied by a distinct ref: none was created twice. */
    private void assertNothingAppliedTwice() {
        Set<InstanceRef> applied = servers.calls.stream().filter(call -> call.action().equals("apply"))
                .map(RecordingBackend.Call::ref).collect(Collectors.toSet());
        assertEquals(applied.size(), servers.backend.creations(), "no instance was created twice");
    }

    private void assertHistories(List<UserId> owners, Set<String> deleted) {
        List<ClusterId> gone = new ArrayList<>();
        for (var cluster : servers.clusters.listAll()) {
            assertEquals(ClusterStatus.CREATED, cluster.status());
            assertEquals(INSTANCES_PER_CLUSTER, servers.backend.instancesOf(cluster.id()).size());
            assertEquals(1, servers.count(cluster.id(), ClusterEvent.Type.REQUESTED));
            assertEquals(1, servers.count(cluster.id(), ClusterEvent.Type.CREATED), cluster.name().value());
        }
        assertEquals(CLUSTERS - deleted.size(), servers.clusters.listAll().size());
        Map<String, ClusterId> requested = requestedIds(owners);
        for (String name : deleted) {
            gone.add(requested.get(name));
        }
        for (ClusterId id : gone) {
            assertTrue(servers.backend.instancesOf(id).isEmpty());
            assertEquals(1, servers.count(id, ClusterEvent.Type.DELETING));
            assertEquals(1, servers.count(id, ClusterEvent.Type.DELETED));
        }
    }

    /** Cluster ids by name, found through the create-time events (deleted clusters have no row any more). */
    private Map<String, ClusterId> requestedIds(List<UserId> owners) {
        return servers.database.jdbi().withHandle(handle -> handle
                .createQuery("SELECT cluster_id, message FROM cluster_events WHERE event_type = 'requested'")
                .map((rs, ctx) -> Map.entry(rs.getString("message").replaceAll("^AACluster '(.*)' was requested\\.$",
                        "$1"), ClusterId.parse(rs.getString("cluster_id"))))
                .list().stream().collect(Collectors.toMap(Map.Entry::getKey, Map.Entry::getValue)));
    }

    private static void awaitTrue(BooleanSupplier condition, Duration max, Reconciler... driving)
            throws InterruptedException {
        Instant deadline = Instant.now().plus(max);
        while (!condition.getAsBoolean()) {
            if (Instant.now().isAfter(deadline)) {
                throw new AssertionError("not converged within " + max);
            }
            for (Reconciler reconciler : driving) {
                reconciler.reconcileOnce();
            }
            Thread.sleep(20);
        }
    }
}

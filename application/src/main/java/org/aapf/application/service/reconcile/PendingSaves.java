package org.aapf.application.service.reconcile;

import java.util.ArrayList;
import java.util.List;
import org.aapf.application.port.out.ClusterEventRepository;
import org.aapf.application.port.out.ClusterRepository;
import org.aapf.domain.cluster.AACluster;
import org.aapf.domain.cluster.ClusterEvent;

/**
 * The clusters a reconcile pass changed, saved together ({@link ClusterRepository#updateAll}, then one append of
 * their events) when {@value #AT_MOST} have gathered and when the pass ends, rather than two transactions each. Each
 * save is still compare-and-set on the cluster's version, so deferring it is as safe as a crash before it: the next
 * pass observes again.
 */
final class PendingSaves {

    /** Bounds what a pass holds unsaved while it still calls the backend. */
    static final int AT_MOST = 1_000;

    private final ClusterRepository clusters;
    private final ClusterEventRepository events;
    private final LeaseKeeper leaseKeeper;
    private final List<AACluster> pending = new ArrayList<>();

    PendingSaves(ClusterRepository clusters, ClusterEventRepository events, LeaseKeeper leaseKeeper) {
        this.clusters = clusters;
        this.events = events;
        this.leaseKeeper = leaseKeeper;
    }

    /** Queues a changed cluster; saves the queue once it is full, and returns what that saved. */
    Saved add(AACluster cluster) {
        pending.add(cluster);
        return pending.size() >= AT_MOST ? flush() : Saved.NOTHING;
    }

    /** Forgets what a pass that stopped early left queued: the next pass observes and decides again. */
    void discard() {
        pending.clear();
    }

    /** Saves what is queued, if the lease still holds. */
    Saved flush() {
        if (pending.isEmpty()) {
            return Saved.NOTHING;
        }
        try {
            leaseKeeper.check();
            List<AACluster> saved = clusters.updateAll(List.copyOf(pending));
            List<ClusterEvent> appended = new ArrayList<>();
            saved.forEach(cluster -> appended.addAll(cluster.pullEvents()));
            events.append(appended);
            return new Saved(saved.size(), pending.size() - saved.size());
        } finally {
            pending.clear();
        }
    }

    /**
     * What one save did.
     *
     * @param saved clusters written
     * @param lostRaces clusters not written because another writer changed them first (compare-and-set): the next
     *     pass observes them again
     */
    record Saved(int saved, int lostRaces) {

        static final Saved NOTHING = new Saved(0, 0);
    }
}

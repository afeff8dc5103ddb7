package org.aapf.application.port.out;

import java.time.Instant;

/**
 * Forgets old history, so that neither create-and-delete loops nor a cluster stopped and started (or crashing) over
 * and over grow the database forever: a deleted cluster's events go after a retention period, and a cluster keeps
 * only its latest events, whatever their age.
 */
public interface ClusterEventRetention {

    /**
     * Deletes every event of each cluster that has no row any more and whose latest event is older than
     * {@code cutoff}; returns how many events.
     */
    int purgeDeletedBefore(Instant cutoff);

    /** Deletes each cluster's events older than its latest {@code kept}; returns how many events. */
    int trimTo(int kept);
}

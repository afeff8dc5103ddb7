package org.aapf.application.port.out;

import java.time.Instant;

/**
 * Forgets the history of deleted clusters, so that create-and-delete loops do not grow the database forever: the
 * events of live clusters are kept whatever their age.
 */
public interface ClusterEventRetention {

    /**
     * Deletes every event of each cluster that has no row any more and whose latest event is older than
     * {@code cutoff}; returns how many events.
     */
    int purgeDeletedBefore(Instant cutoff);
}

package org.aapf.application.port.out;

import java.util.List;
import org.aapf.domain.cluster.ClusterEvent;
import org.aapf.domain.cluster.ClusterId;

/** Stores the per-cluster event history; append-only, kept after the cluster itself is gone. */
public interface ClusterEventRepository {

    /** Appends the events in the given order (one batch; an empty list is a no-op). */
    void append(List<ClusterEvent> events);

    /** The cluster's events in the order they were appended. */
    List<ClusterEvent> listByCluster(ClusterId cluster);
}

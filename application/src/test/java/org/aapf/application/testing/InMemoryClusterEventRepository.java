package org.aapf.application.testing;

import java.util.ArrayList;
import java.util.List;
import org.aapf.application.port.out.ClusterEventRepository;
import org.aapf.domain.cluster.ClusterEvent;
import org.aapf.domain.cluster.ClusterId;

/** Keeps cluster events in a list, in append order. */
public final class InMemoryClusterEventRepository implements ClusterEventRepository {

    private final List<ClusterEvent> events = new ArrayList<>();

    @Override
    public synchronized void append(List<ClusterEvent> batch) {
        batch.forEach(event -> events.add(new ClusterEvent(event.cluster(), StoredInstants.stored(event.at()),
                event.type(), event.message())));
    }

    @Override
    public synchronized List<ClusterEvent> listByCluster(ClusterId cluster) {
        return events.stream().filter(event -> event.cluster().equals(cluster)).toList();
    }

    /** How many events of that type the cluster has. */
    public synchronized long count(ClusterId cluster, ClusterEvent.Type type) {
        return events.stream().filter(event -> event.cluster().equals(cluster) && event.type() == type).count();
    }
}

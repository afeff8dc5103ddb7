package org.aapf.application.service.cluster;

import jakarta.inject.Inject;
import java.util.List;
import org.aapf.application.port.in.ClusterEventView;
import org.aapf.application.port.in.ListClusterEventsQuery;
import org.aapf.application.port.out.ClusterEventRepository;
import org.aapf.application.port.out.ClusterRepository;
import org.aapf.domain.user.UserId;

/** Lists the history of one of a user's clusters, oldest first. */
public final class ListClusterEventsService implements ListClusterEventsQuery {

    private final ClusterRepository clusters;
    private final ClusterEventRepository events;

    @Inject
    public ListClusterEventsService(ClusterRepository clusters, ClusterEventRepository events) {
        this.clusters = clusters;
        this.events = events;
    }

    @Override
    public List<ClusterEventView> list(UserId owner, String name) {
        return events.listByCluster(ClusterLookup.require(clusters, owner, name).id()).stream()
                .map(ClusterEventView::from)
                .toList();
    }
}

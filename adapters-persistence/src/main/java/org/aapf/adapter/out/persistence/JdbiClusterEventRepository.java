package org.aapf.adapter.out.persistence;

import jakarta.inject.Inject;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import org.aapf.application.port.out.ClusterEventRepository;
import org.aapf.application.port.out.ClusterEventRetention;
import org.aapf.domain.cluster.ClusterEvent;
import org.aapf.domain.cluster.ClusterId;
import org.jdbi.v3.core.Jdbi;

/**
 * {@link ClusterEventRepository} on the {@code cluster_events} table, which has no foreign key to {@code clusters}
 * so the history outlives its cluster. Messages longer than {@link StoredText#MAX_MESSAGE} characters are clipped.
 */
public final class JdbiClusterEventRepository implements ClusterEventRepository, ClusterEventRetention {

    private final ClusterEventDao dao;

    @Inject
    public JdbiClusterEventRepository(Jdbi jdbi) {
        this.dao = Objects.requireNonNull(jdbi, "'jdbi' must not be null").onDemand(ClusterEventDao.class);
    }

    @Override
    public void append(List<ClusterEvent> events) {
        if (events.isEmpty()) {
            return;
        }
        dao.insert(events.stream().map(JdbiClusterEventRepository::toRow).toList());
    }

    @Override
    public List<ClusterEvent> listByCluster(ClusterId cluster) {
        return dao.listByCluster(cluster.toString()).stream().map(JdbiClusterEventRepository::toEvent).toList();
    }

    @Override
    public int purgeDeletedBefore(Instant cutoff) {
        return dao.purgeDeletedBefore(UtcTimes.toColumn(cutoff));
    }

    @Override
    public int trimTo(int kept) {
        if (kept < 1) {
            throw new IllegalArgumentException("'kept' must be >= 1");
        }
        return dao.trimTo(kept);
    }

    private static ClusterEventRow toRow(ClusterEvent event) {
        return new ClusterEventRow(event.cluster().toString(), UtcTimes.toColumn(event.at()), event.type().apiName(),
                StoredText.clip(event.message(), StoredText.MAX_MESSAGE));
    }

    private static ClusterEvent toEvent(ClusterEventRow row) {
        return new ClusterEvent(ClusterId.parse(row.clusterId()), UtcTimes.toInstant(row.occurredAt()),
                ApiNames.parse(ClusterEvent.Type.class, ClusterEvent.Type::apiName, row.eventType()), row.message());
    }
}

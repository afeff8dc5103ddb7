package org.aapf.adapter.out.persistence;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.aapf.domain.cluster.AACluster;
import org.aapf.domain.cluster.Alert;
import org.aapf.domain.cluster.ClusterId;
import org.aapf.domain.cluster.ClusterName;
import org.aapf.domain.cluster.ClusterStatus;
import org.aapf.domain.cluster.Instance;
import org.aapf.domain.cluster.RuntimeIds;
import org.aapf.domain.cluster.ServiceKind;
import org.aapf.domain.cluster.ServiceSpec;
import org.aapf.domain.user.UserId;

/**
 * A stored cluster as parsed from its rows: immutable values only, so it can be kept and {@link #restore restored}
 * into a fresh aggregate (which callers may change) as often as needed without parsing the rows again.
 *
 * @param row the {@code clusters} row it was read with: its version tells whether it is still current
 */
record StoredCluster(ClusterRow row, ClusterId id, UserId owner, ClusterName name, Instant createdAt,
        Map<ServiceKind, ServiceSpec> specs, List<Instance> instances, ClusterStatus status, List<Alert> alerts) {

    StoredCluster {
        specs = Map.copyOf(specs);
        instances = List.copyOf(instances);
        alerts = List.copyOf(alerts);
    }

    /** A new aggregate of this stored state, at the stored version. */
    AACluster restore() {
        RuntimeIds runtime = new RuntimeIds(ClusterId.parse(row.runtimeId()),
                Optional.ofNullable(row.retiredRuntimeId()).map(ClusterId::parse));
        return AACluster.restore(id, runtime, owner, name, createdAt, specs, instances, status, alerts,
                row.version());
    }
}

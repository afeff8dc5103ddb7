package org.aapf.adapter.out.metrics;

import io.micrometer.core.instrument.MultiGauge;
import io.micrometer.core.instrument.Tags;
import java.util.Arrays;
import java.util.Locale;
import java.util.Map;
import org.aapf.domain.cluster.ClusterStatus;
import org.aapf.domain.cluster.InstanceStatus;

/** The gauges of clusters and instances by status; every status is always present, zero when none is in it. */
final class Census {

    private final MultiGauge clusters;
    private final MultiGauge instances;

    Census(MultiGauge clusters, MultiGauge instances) {
        this.clusters = clusters;
        this.instances = instances;
    }

    void report(Map<ClusterStatus, Integer> clusterCounts, Map<InstanceStatus, Integer> instanceCounts) {
        clusters.register(Arrays.stream(ClusterStatus.values())
                .map(status -> row(status.name(), clusterCounts.getOrDefault(status, 0)))
                .toList(), true);
        instances.register(Arrays.stream(InstanceStatus.values())
                .map(status -> row(status.name(), instanceCounts.getOrDefault(status, 0)))
                .toList(), true);
    }

    private static MultiGauge.Row<Number> row(String status, int count) {
        return MultiGauge.Row.of(Tags.of("status", status.toLowerCase(Locale.ROOT)), count);
    }
}

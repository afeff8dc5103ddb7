package org.aapf.adapter.out.persistence;

import java.util.EnumMap;
import java.util.Map;
import org.aapf.domain.quota.LimitKind;
import org.aapf.domain.quota.Limits;

/** One row of {@code user_limits}: a user's overrides, {@code null} where the default applies (public for Jdbi's binding). */
public record UserLimitsRow(String userId, Long maxClusters, Long maxMilliCpu, Long maxMemoryMib, Long maxGpus) {

    static UserLimitsRow of(String userId, Limits limits) {
        return new UserLimitsRow(userId, bound(limits, LimitKind.CLUSTERS), bound(limits, LimitKind.CPU),
                bound(limits, LimitKind.MEMORY), bound(limits, LimitKind.GPUS));
    }

    Limits limits() {
        Map<LimitKind, Long> bounds = new EnumMap<>(LimitKind.class);
        bounds.put(LimitKind.CLUSTERS, maxClusters);
        bounds.put(LimitKind.CPU, maxMilliCpu);
        bounds.put(LimitKind.MEMORY, maxMemoryMib);
        bounds.put(LimitKind.GPUS, maxGpus);
        return Limits.of(bounds);
    }

    private static Long bound(Limits limits, LimitKind kind) {
        return limits.bound(kind).isPresent() ? limits.bound(kind).getAsLong() : null;
    }
}

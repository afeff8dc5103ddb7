package org.aapf.adapter.in.http;

import java.math.BigDecimal;
import java.util.EnumMap;
import java.util.Map;
import java.util.OptionalLong;
import org.aapf.domain.error.AapfException;
import org.aapf.domain.quota.LimitKind;
import org.aapf.domain.quota.Limits;

/**
 * Limits as the API reads and writes them: {@code {maxClusters, maxCpu, maxMemoryMiB, maxGpus}}, CPU in cores.
 * Written, {@code null} is unlimited; read (an admin's overrides), {@code null} or a missing field keeps the default.
 */
record LimitsBody(Long maxClusters, BigDecimal maxCpu, Long maxMemoryMiB, Long maxGpus) {

    private static final BigDecimal THOUSAND = BigDecimal.valueOf(1000);
    /** Far beyond any machine, and small enough that thousandths of it fit in a long. */
    private static final BigDecimal MAX_CORES = BigDecimal.valueOf(1_000_000_000L);

    static LimitsBody from(Limits limits) {
        OptionalLong cpu = limits.bound(LimitKind.CPU);
        return new LimitsBody(orNull(limits.bound(LimitKind.CLUSTERS)),
                cpu.isPresent() ? BigDecimal.valueOf(cpu.getAsLong(), 3).stripTrailingZeros() : null,
                orNull(limits.bound(LimitKind.MEMORY)), orNull(limits.bound(LimitKind.GPUS)));
    }

    /** @throws AapfException {@code INVALID_INPUT} for a negative bound or CPU finer than a thousandth of a core */
    Limits toLimits() {
        Map<LimitKind, Long> bounds = new EnumMap<>(LimitKind.class);
        bounds.put(LimitKind.CLUSTERS, nonNegative(LimitKind.CLUSTERS, maxClusters));
        bounds.put(LimitKind.MEMORY, nonNegative(LimitKind.MEMORY, maxMemoryMiB));
        bounds.put(LimitKind.GPUS, nonNegative(LimitKind.GPUS, maxGpus));
        if (maxCpu != null) {
            if (maxCpu.signum() < 0 || maxCpu.stripTrailingZeros().scale() > 3
                    || maxCpu.compareTo(MAX_CORES) > 0) {
                throw AapfException.invalid("'maxCpu' must be a number of cores from 0 to " + MAX_CORES
                        + ", in steps of 0.001");
            }
            bounds.put(LimitKind.CPU, maxCpu.multiply(THOUSAND).longValueExact());
        }
        return Limits.of(bounds);
    }

    private static Long nonNegative(LimitKind kind, Long value) {
        if (value != null && value < 0) {
            throw AapfException.invalid("'" + kind.fieldName() + "' must be >= 0");
        }
        return value;
    }

    private static Long orNull(OptionalLong value) {
        return value.isPresent() ? value.getAsLong() : null;
    }
}

package org.aapf.domain.quota;

import java.math.BigDecimal;

/** The four things a user's limits bound, with the names the configuration and the API give them. */
public enum LimitKind {
    CLUSTERS("maxClusters", "AACluster", "AAClusters"),
    /** Counted in thousandths of a core; shown in cores. */
    CPU("maxCpu", "CPU", "CPU"),
    MEMORY("maxMemoryMiB", "MiB of memory", "MiB of memory"),
    GPUS("maxGpus", "GPU", "GPUs");

    private final String fieldName;
    private final String unit;
    private final String units;

    LimitKind(String fieldName, String unit, String units) {
        this.fieldName = fieldName;
        this.unit = unit;
        this.units = units;
    }

    /** The name of the limit in the configuration ({@code limits.maxCpu}) and the API. */
    public String fieldName() {
        return fieldName;
    }

    /** An amount as a person reads it: cores with their fraction ({@code 3.5}), everything else as a whole number. */
    public String format(long amount) {
        if (this == CPU) {
            return BigDecimal.valueOf(amount, 3).stripTrailingZeros().toPlainString();
        }
        return Long.toString(amount);
    }

    /** {@code format(amount)} followed by its unit: {@code 1 GPU}, {@code 2 GPUs}, {@code 0.5 CPU}. */
    public String describe(long amount) {
        return format(amount) + " " + (amount == (this == CPU ? 1000 : 1) ? unit : units);
    }
}

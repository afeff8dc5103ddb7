package org.aapf.domain.quota;

import org.aapf.domain.catalogue.Resources;

/**
 * What a user's AAClusters hold: every cluster until it is deleted, and the performance types of its instances that
 * are not stopped.
 *
 * @param clusters AAClusters, whatever their status
 * @param milliCpu CPU in thousandths of a core, so that sums of fractional cores stay exact
 * @param memoryMiB memory in MiB
 * @param gpus {@code nvidia.com/gpu}
 */
public record Usage(long clusters, long milliCpu, long memoryMiB, long gpus) {

    /** Nothing at all. */
    public static final Usage NONE = new Usage(0, 0, 0, 0);

    public Usage {
        if (clusters < 0 || milliCpu < 0 || memoryMiB < 0 || gpus < 0) {
            throw new IllegalArgumentException("'usage' must not be negative");
        }
    }

    /** What {@code count} instances of a performance type with {@code resources} hold. */
    public static Usage ofInstances(Resources resources, int count) {
        return new Usage(0, milliCpu(resources.cpu()) * count, resources.memoryMiB() * count,
                (long) resources.gpuCount() * count);
    }

    /** One AACluster that holds no compute (e.g. a stopped one). */
    public static Usage oneCluster() {
        return new Usage(1, 0, 0, 0);
    }

    /** Cores as thousandths of a core, rounded to the nearest. */
    public static long milliCpu(double cpu) {
        return Math.round(cpu * 1000);
    }

    public Usage plus(Usage other) {
        return new Usage(clusters + other.clusters, milliCpu + other.milliCpu, memoryMiB + other.memoryMiB,
                gpus + other.gpus);
    }

    /** The amount of one {@link LimitKind}. */
    public long of(LimitKind kind) {
        return switch (kind) {
            case CLUSTERS -> clusters;
            case CPU -> milliCpu;
            case MEMORY -> memoryMiB;
            case GPUS -> gpus;
        };
    }
}

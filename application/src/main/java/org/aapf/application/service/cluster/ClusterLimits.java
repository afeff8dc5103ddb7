package org.aapf.application.service.cluster;

/**
 * Operator limits on what users may request.
 *
 * @param maxSparkWorkers the largest {@code sparkWorker.numberOfInstances} accepted
 */
public record ClusterLimits(int maxSparkWorkers) {

    public static final int DEFAULT_MAX_SPARK_WORKERS = 16;

    public ClusterLimits {
        if (maxSparkWorkers < 1) {
            throw new IllegalArgumentException("'maxSparkWorkers' must be >= 1");
        }
    }

    public static ClusterLimits defaults() {
        return new ClusterLimits(DEFAULT_MAX_SPARK_WORKERS);
    }
}

package org.aapf.application.port.out;

/** The {@link Metrics} that records nothing. */
enum NoMetrics implements Metrics {
    INSTANCE
}

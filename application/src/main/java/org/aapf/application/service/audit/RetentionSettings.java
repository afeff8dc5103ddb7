package org.aapf.application.service.audit;

import java.time.Duration;
import java.util.Objects;

/**
 * How long history is kept.
 *
 * @param audit how long an audit entry is kept ({@code audit.retention})
 * @param deletedClusterEvents how long the events of a deleted cluster are kept after its last event
 *     ({@code clusters.eventRetention})
 * @param interval how often the housekeeping runs
 */
public record RetentionSettings(Duration audit, Duration deletedClusterEvents, Duration interval) {

    public RetentionSettings {
        requirePositive("audit", audit);
        requirePositive("deletedClusterEvents", deletedClusterEvents);
        requirePositive("interval", interval);
    }

    /** 90 days of audit trail, 30 days of a deleted cluster's events, checked every hour. */
    public static RetentionSettings defaults() {
        return new RetentionSettings(Duration.ofDays(90), Duration.ofDays(30), Duration.ofHours(1));
    }

    private static void requirePositive(String field, Duration value) {
        Objects.requireNonNull(value, "'" + field + "' must not be null");
        if (value.isNegative() || value.isZero()) {
            throw new IllegalArgumentException("'" + field + "' must be > 0");
        }
    }
}

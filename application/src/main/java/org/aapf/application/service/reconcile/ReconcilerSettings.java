package org.aapf.application.service.reconcile;

import java.time.Duration;
import java.util.Objects;
import java.util.UUID;

/**
 * How often and how patiently the reconciler works.
 *
 * @param resyncInterval the longest time between two passes without any wake-up (periodic resync)
 * @param busyInterval the time before the next pass while some cluster is still creating or deleting
 * @param leaseTtl how long a taken lease lasts; renewed every third of it, so a dead or paused holder is replaced
 *     about this long after its last renewal
 * @param backoffBase the wait after a first backend failure; doubles with each further failure
 * @param backoffMax the longest wait between retries, and between replacements of a crash-looping instance
 * @param restartDelay the wait before a failed instance is replaced; doubles with each replacement in a row
 * @param holderId this process's id in the {@link org.aapf.application.port.out.ReconcilerLease}
 */
public record ReconcilerSettings(Duration resyncInterval, Duration busyInterval, Duration leaseTtl,
        Duration backoffBase, Duration backoffMax, Duration restartDelay, String holderId) {

    public ReconcilerSettings {
        requirePositive("resyncInterval", resyncInterval);
        requirePositive("busyInterval", busyInterval);
        requirePositive("leaseTtl", leaseTtl);
        requirePositive("backoffBase", backoffBase);
        requirePositive("backoffMax", backoffMax);
        requirePositive("restartDelay", restartDelay);
        if (holderId == null || holderId.isBlank()) {
            throw new IllegalArgumentException("'holderId' must not be blank");
        }
    }

    /**
     * 30 s resync, 2 s while busy, 10 s lease, backoff from 1 s to 5 min, failed instances replaced after 10 s
     * doubling to 5 min, a random holder id.
     */
    public static ReconcilerSettings defaults() {
        return new ReconcilerSettings(Duration.ofSeconds(30), Duration.ofSeconds(2), Duration.ofSeconds(10),
                Duration.ofSeconds(1), Duration.ofMinutes(5), Duration.ofSeconds(10),
                "reconciler-" + UUID.randomUUID());
    }

    public ReconcilerSettings withResyncInterval(Duration interval) {
        return new ReconcilerSettings(interval, busyInterval, leaseTtl, backoffBase, backoffMax, restartDelay,
                holderId);
    }

    public ReconcilerSettings withRestartDelay(Duration delay) {
        return new ReconcilerSettings(resyncInterval, busyInterval, leaseTtl, backoffBase, backoffMax, delay,
                holderId);
    }

    public ReconcilerSettings withHolderId(String id) {
        return new ReconcilerSettings(resyncInterval, busyInterval, leaseTtl, backoffBase, backoffMax, restartDelay,
                id);
    }

    /** These settings with another lease ttl: how long a paused or dead leader keeps the others waiting. */
    public ReconcilerSettings withLeaseTtl(Duration ttl) {
        return new ReconcilerSettings(resyncInterval, busyInterval, ttl, backoffBase, backoffMax, restartDelay,
                holderId);
    }

    private static void requirePositive(String field, Duration value) {
        Objects.requireNonNull(value, "'" + field + "' must not be null");
        if (value.isNegative() || value.isZero()) {
            throw new IllegalArgumentException("'" + field + "' must be > 0");
        }
    }
}

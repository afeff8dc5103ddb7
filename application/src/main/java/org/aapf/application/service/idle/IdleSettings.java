package org.aapf.application.service.idle;

import java.time.Duration;
import java.util.Objects;
import java.util.Optional;

/**
 * When clusters are stopped for want of use.
 *
 * @param timeout how long a notebook cluster may show no activity before it is stopped ({@code clusters.idleTimeout});
 *     zero turns the idle shutdown off
 * @param maxLifetime how long a notebook may run at all since it (re)started, busy or not ({@code
 *     clusters.maxLifetime}); empty: no limit
 */
public record IdleSettings(Duration timeout, Optional<Duration> maxLifetime) {

    private static final Duration MAX_WARNING = Duration.ofMinutes(5);
    private static final Duration MIN_INTERVAL = Duration.ofSeconds(1);
    private static final Duration MAX_INTERVAL = Duration.ofSeconds(30);

    public IdleSettings {
        Objects.requireNonNull(timeout, "'timeout' must not be null");
        if (timeout.isNegative()) {
            throw new IllegalArgumentException("'timeout' must be >= 0 (0 turns the idle shutdown off)");
        }
        Objects.requireNonNull(maxLifetime, "'maxLifetime' must not be null (use empty)");
        maxLifetime.ifPresent(lifetime -> {
            if (lifetime.isNegative() || lifetime.isZero()) {
                throw new IllegalArgumentException("'maxLifetime' must be > 0 (or left out)");
            }
        });
    }

    /** One hour of idleness, no lifetime limit. */
    public static IdleSettings defaults() {
        return new IdleSettings(Duration.ofHours(1), Optional.empty());
    }

    /** Neither idle shutdown nor lifetime limit. */
    public static IdleSettings off() {
        return new IdleSettings(Duration.ZERO, Optional.empty());
    }

    public boolean idleShutdownOn() {
        return !timeout.isZero();
    }

    public boolean anythingToDo() {
        return idleShutdownOn() || maxLifetime.isPresent();
    }

    /** How long before a stop its warning comes: a quarter of the limit, at most five minutes. */
    public Duration warningLead(Duration limit) {
        Duration quarter = limit.dividedBy(4);
        return quarter.compareTo(MAX_WARNING) < 0 ? quarter : MAX_WARNING;
    }

    /** How often clusters are checked: an eighth of the shortest limit, from one to thirty seconds. */
    public Duration checkInterval() {
        Duration shortest = idleShutdownOn() ? timeout : maxLifetime.orElse(MAX_INTERVAL);
        if (maxLifetime.isPresent() && maxLifetime.get().compareTo(shortest) < 0) {
            shortest = maxLifetime.get();
        }
        Duration eighth = shortest.dividedBy(8);
        if (eighth.compareTo(MIN_INTERVAL) < 0) {
            return MIN_INTERVAL;
        }
        return eighth.compareTo(MAX_INTERVAL) > 0 ? MAX_INTERVAL : eighth;
    }
}

package org.aapf.application.port.out;

import java.time.Duration;
import java.util.List;
import java.util.Objects;

/** Monitoring of the warm pools: how full each is, how creates fared, how long a refill took. All optional. */
public interface WarmPoolMetrics {

    /** The state of every configured pool after a reconcile pass; a pool missing from the list is gone. */
    default void pools(List<PoolCensus> pools) {
    }

    /** A create matching {@code pool} took a warm instance ({@code hit}) or found none and starts cold. */
    default void claim(String pool, boolean hit) {
    }

    /** A warm instance of {@code pool} became ready {@code took} after it was recorded. */
    default void refilled(String pool, Duration took) {
    }

    /** Monitoring that records nothing. */
    static WarmPoolMetrics none() {
        return new WarmPoolMetrics() {
        };
    }

    /**
     * One pool's fill.
     *
     * @param size the configured target
     * @param ready warm instances ready to be claimed
     * @param starting warm instances started but not ready yet
     * @param claimed instances claimed whose cluster has not taken them over yet
     */
    record PoolCensus(String pool, int size, int ready, int starting, int claimed) {

        public PoolCensus {
            Objects.requireNonNull(pool, "'pool' must not be null");
        }
    }
}

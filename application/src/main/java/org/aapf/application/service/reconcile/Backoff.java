package org.aapf.application.service.reconcile;

import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

/**
 * Exponential backoff per key (a cluster, or the backend as a whole): after n consecutive failures the key waits
 * {@code base * 2^(n-1)}, at most {@code max}. Kept in memory only; a restarted reconciler simply retries at once.
 */
final class Backoff<K> {

    private final Duration base;
    private final Duration max;
    private final Map<K, Attempts> failing = new HashMap<>();

    Backoff(Duration base, Duration max) {
        this.base = base;
        this.max = max;
    }

    /** True when {@code key} may be tried now. */
    boolean ready(K key, Instant now) {
        Attempts attempts = failing.get(key);
        return attempts == null || !now.isBefore(attempts.retryAt());
    }

    /** Records a failure; returns when the next try is due. */
    Instant failed(K key, Instant now) {
        int failures = failing.containsKey(key) ? failing.get(key).failures() + 1 : 1;
        Instant retryAt = now.plus(delay(failures));
        failing.put(key, new Attempts(failures, retryAt));
        return retryAt;
    }

    void succeeded(K key) {
        failing.remove(key);
    }

    void clear() {
        failing.clear();
    }

    /** The earliest time a failing key is due again. */
    Optional<Instant> nextRetry() {
        return failing.values().stream().map(Attempts::retryAt).min(Instant::compareTo);
    }

    private Duration delay(int failures) {
        Duration delay = base;
        for (int i = 1; i < failures && delay.compareTo(max) < 0; i++) {
            delay = delay.multipliedBy(2);
        }
        return delay.compareTo(max) > 0 ? max : delay;
    }

    private record Attempts(int failures, Instant retryAt) {
    }
}

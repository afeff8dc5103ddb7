package org.aapf.application.port.out;

import java.time.Instant;
import java.util.Optional;

/**
 * Counts failed logins per key (an account or a client address) in durable storage, so that throttling survives
 * restarts and is shared by all server processes.
 */
public interface LoginAttemptRepository {

    /**
     * Atomically records one failure for {@code key}: when the stored window started before {@code windowStart}, the
     * count restarts at 1 from {@code now}. Returns the state after recording.
     */
    Failures recordFailure(String key, Instant now, Instant windowStart);

    Optional<Failures> find(String key);

    /**
     * Atomically takes back one failure of {@code key} recorded by {@link #recordFailure} (an attempt counted in
     * advance that turned out not to be a failure); a key left with no failure is forgotten, a missing key stays
     * missing.
     */
    void release(String key);

    /** Forgets the failures of {@code key} (after a successful login). */
    void clear(String key);

    /** Forgets every key whose latest failure is before {@code cutoff}; returns how many. */
    int purgeLastBefore(Instant cutoff);

    /** Failures counted for one key since {@code firstAt}; {@code lastAt} is the newest. */
    record Failures(String key, int count, Instant firstAt, Instant lastAt) {
    }
}

package org.aapf.application.testing;

import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import org.aapf.application.port.out.LoginAttemptRepository;

/** A {@link LoginAttemptRepository} in a map; thread-safe, as the real one is atomic. */
public final class InMemoryLoginAttemptRepository implements LoginAttemptRepository {

    private final Map<String, Failures> failures = new HashMap<>();

    @Override
    public synchronized Failures recordFailure(String key, Instant at, Instant windowStart) {
        Instant now = StoredInstants.stored(at);
        Failures previous = failures.get(key);
        Failures next = previous == null || previous.firstAt().isBefore(windowStart)
                ? new Failures(key, 1, now, now)
                : new Failures(key, previous.count() + 1, previous.firstAt(), now);
        failures.put(key, next);
        return next;
    }

    @Override
    public synchronized Optional<Failures> find(String key) {
        return Optional.ofNullable(failures.get(key));
    }

    @Override
    public synchronized void release(String key) {
        failures.computeIfPresent(key, (k, f) -> f.count() <= 1 ? null
                : new Failures(k, f.count() - 1, f.firstAt(), f.lastAt()));
    }

    @Override
    public synchronized void clear(String key) {
        failures.remove(key);
    }

    @Override
    public synchronized int purgeLastBefore(Instant cutoff) {
        int before = failures.size();
        failures.values().removeIf(f -> f.lastAt().isBefore(cutoff));
        return before - failures.size();
    }
}

package org.aapf.application.testing;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.aapf.application.port.out.UserLimitsRepository;
import org.aapf.domain.quota.Limits;
import org.aapf.domain.user.UserId;

/** A {@link UserLimitsRepository} in a map (it knows no users, so every user exists). */
public final class InMemoryUserLimitsRepository implements UserLimitsRepository {

    private final Map<UserId, Limits> overrides = new ConcurrentHashMap<>();

    @Override
    public Limits overridesOf(UserId user) {
        return overrides.getOrDefault(user, Limits.NONE);
    }

    @Override
    public void save(UserId user, Limits limits) {
        if (limits.isEmpty()) {
            overrides.remove(user);
        } else {
            overrides.put(user, limits);
        }
    }

    @Override
    public Map<UserId, Limits> allOverrides() {
        return Map.copyOf(overrides);
    }
}

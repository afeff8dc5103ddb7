package org.aapf.application.testing;

import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import org.aapf.application.port.out.IdentityProvider.SignOnRequest;
import org.aapf.application.port.out.SignOnRepository;
import org.aapf.domain.token.SecretDigest;
import org.aapf.domain.user.UserId;

/** {@link SignOnRepository} in memory, for service tests. */
public final class InMemorySignOnRepository implements SignOnRepository {

    private record Entry<T>(T value, Instant expiresAt) {
    }

    private final Map<SecretDigest, Entry<SignOnRequest>> pending = new ConcurrentHashMap<>();
    private final Map<SecretDigest, Entry<UserId>> handoffs = new ConcurrentHashMap<>();

    @Override
    public void savePending(SecretDigest state, SignOnRequest request, Instant expiresAt) {
        pending.put(state, new Entry<>(new SignOnRequest("", request.nonce(), request.codeVerifier()), expiresAt));
    }

    @Override
    public Optional<SignOnRequest> takePending(SecretDigest state, Instant now) {
        return Optional.ofNullable(pending.remove(state)).filter(e -> e.expiresAt().isAfter(now)).map(Entry::value);
    }

    @Override
    public void saveHandoff(SecretDigest code, UserId user, Instant expiresAt) {
        handoffs.put(code, new Entry<>(user, expiresAt));
    }

    @Override
    public Optional<UserId> takeHandoff(SecretDigest code, Instant now) {
        return Optional.ofNullable(handoffs.remove(code)).filter(e -> e.expiresAt().isAfter(now)).map(Entry::value);
    }

    @Override
    public int removeExpired(Instant now) {
        int before = pending.size() + handoffs.size();
        pending.values().removeIf(e -> !e.expiresAt().isAfter(now));
        handoffs.values().removeIf(e -> !e.expiresAt().isAfter(now));
        return before - pending.size() - handoffs.size();
    }
}

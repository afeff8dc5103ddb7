package org.aapf.application.testing;

import java.time.Instant;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Predicate;
import org.aapf.application.port.out.ApiTokenRepository;
import org.aapf.application.port.out.UserRepository;
import org.aapf.domain.error.AapfException;
import org.aapf.domain.token.ApiToken;
import org.aapf.domain.token.ApiTokenId;
import org.aapf.domain.token.TokenName;
import org.aapf.domain.user.UserId;

/** An {@link ApiTokenRepository} in a map that also counts writes of last use. */
public final class InMemoryApiTokenRepository implements ApiTokenRepository {

    private final Map<ApiTokenId, ApiToken> tokens = new LinkedHashMap<>();
    private int markUsedCalls;
    private Predicate<UserId> ownerExists = owner -> true;

    /** From now on a token of an owner {@code users} does not know is refused with {@code NOT_FOUND}, as in SQL. */
    public synchronized void requireOwnersIn(UserRepository users) {
        ownerExists = owner -> users.findById(owner).isPresent();
    }

    @Override
    public synchronized void add(ApiToken token) {
        if (!ownerExists.test(token.owner())) {
            throw AapfException.notFound("The owner of the API token does not exist.");
        }
        if (findByName(token.owner(), token.name()).isPresent()) {
            throw AapfException.invalid("An API token named '" + token.name() + "' already exists.");
        }
        tokens.put(token.id(), copy(token));
    }

    @Override
    public synchronized Optional<ApiToken> findById(ApiTokenId id) {
        return Optional.ofNullable(tokens.get(id)).map(InMemoryApiTokenRepository::copy);
    }

    @Override
    public synchronized Optional<ApiToken> findByName(UserId owner, TokenName name) {
        return tokens.values().stream().filter(t -> t.owner().equals(owner) && t.name().equals(name)).findFirst()
                .map(InMemoryApiTokenRepository::copy);
    }

    @Override
    public synchronized List<ApiToken> listByOwner(UserId owner) {
        return tokens.values().stream().filter(t -> t.owner().equals(owner))
                .sorted(Comparator.comparing(ApiToken::createdAt).thenComparing(t -> t.name().value()))
                .map(InMemoryApiTokenRepository::copy).toList();
    }

    @Override
    public synchronized void markUsed(ApiTokenId id, Instant now) {
        markUsedCalls++;
        Optional.ofNullable(tokens.get(id)).filter(t -> t.lastUsedAt().filter(last -> !now.isAfter(last)).isEmpty())
                .ifPresent(t -> t.markUsed(now));
    }

    @Override
    public synchronized boolean delete(UserId owner, TokenName name) {
        return tokens.values().removeIf(t -> t.owner().equals(owner) && t.name().equals(name));
    }

    /** Every stored token, for assertions. */
    public synchronized List<ApiToken> all() {
        return tokens.values().stream().map(InMemoryApiTokenRepository::copy).toList();
    }

    public synchronized int markUsedCalls() {
        return markUsedCalls;
    }

    synchronized void removeAllOf(UserId owner) {
        tokens.values().removeIf(t -> t.owner().equals(owner));
    }

    private static ApiToken copy(ApiToken t) {
        return ApiToken.restore(t.id(), t.owner(), t.name(), t.digest(), StoredInstants.stored(t.createdAt()),
                StoredInstants.stored(t.lastUsedAt()).orElse(null));
    }
}

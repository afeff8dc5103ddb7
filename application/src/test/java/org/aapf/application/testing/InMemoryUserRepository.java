package org.aapf.application.testing;

import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.aapf.application.port.out.ClusterRepository;
import org.aapf.application.port.out.UserRepository;
import org.aapf.domain.error.AapfException;
import org.aapf.domain.user.ExternalIdentity;
import org.aapf.domain.user.User;
import org.aapf.domain.user.UserId;
import org.aapf.domain.user.Username;

/**
 * A {@link UserRepository} in a map; returns copies so callers cannot change stored state without saving. Thread-safe
 * (every method holds the repository), as racing requests need.
 */
public final class InMemoryUserRepository implements UserRepository {

    private final Map<UserId, User> users = new LinkedHashMap<>();
    private final InMemorySessionRepository sessions;
    private final InMemoryApiTokenRepository apiTokens;
    private Optional<ClusterRepository> clusters = Optional.empty();

    public InMemoryUserRepository(InMemorySessionRepository sessions, InMemoryApiTokenRepository apiTokens) {
        this.sessions = sessions;
        this.apiTokens = apiTokens;
    }

    @Override
    public synchronized void add(User user) {
        if (findByUsername(user.username()).isPresent()) {
            throw AapfException.invalid("username '" + user.username() + "' is already taken");
        }
        if (user.externalIdentity().isPresent() && findByExternalIdentity(user.externalIdentity().get()).isPresent()) {
            throw AapfException.invalid("another user is linked to that identity already");
        }
        users.put(user.id(), copy(user));
    }

    @Override
    public synchronized void update(User user) {
        if (users.replace(user.id(), copy(user)) == null) {
            throw AapfException.notFound("user '" + user.username() + "' does not exist");
        }
    }

    @Override
    public synchronized Optional<User> findById(UserId id) {
        return Optional.ofNullable(users.get(id)).map(InMemoryUserRepository::copy);
    }

    @Override
    public synchronized Optional<User> findByUsername(Username username) {
        return users.values().stream().filter(u -> u.username().equals(username)).findFirst()
                .or(() -> users.values().stream().filter(u -> u.username().key().equals(username.key())).findFirst())
                .map(InMemoryUserRepository::copy);
    }

    @Override
    public synchronized Optional<User> findByExternalIdentity(ExternalIdentity identity) {
        return users.values().stream().filter(u -> u.externalIdentity().equals(Optional.of(identity))).findFirst()
                .map(InMemoryUserRepository::copy);
    }

    @Override
    public synchronized List<User> list() {
        return users.values().stream().sorted(Comparator.comparing(u -> u.username().value()))
                .map(InMemoryUserRepository::copy).toList();
    }

    /** From now on a user who owns clusters in {@code owned} cannot be removed, as the database refuses it. */
    public synchronized void refuseRemovalOfOwnersIn(ClusterRepository owned) {
        clusters = Optional.of(owned);
    }

    @Override
    public synchronized boolean remove(UserId id) {
        if (clusters.filter(owned -> !owned.listByOwner(id).isEmpty()).isPresent()) {
            throw AapfException.invalid("The user still owns AAClusters; delete them first.");
        }
        sessions.removeAllOf(id);
        apiTokens.removeAllOf(id);
        return users.remove(id) != null;
    }

    private static User copy(User user) {
        return User.restore(user.id(), user.username(), user.passwordHash(), StoredInstants.stored(user.createdAt()),
                StoredInstants.stored(user.passwordChangedAt()), user.isAdmin(), user.externalIdentity(), user.groups());
    }
}

package org.aapf.adapter.out.persistence;

import jakarta.inject.Inject;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import org.aapf.application.port.out.UserRepository;
import org.aapf.domain.error.AapfException;
import org.aapf.domain.user.ExternalIdentity;
import org.aapf.domain.user.PasswordHash;
import org.aapf.domain.user.User;
import org.aapf.domain.user.UserId;
import org.aapf.domain.user.Username;
import org.jdbi.v3.core.Jdbi;
import org.jdbi.v3.core.JdbiException;

/**
 * {@link UserRepository} on the {@code users} table; the unique indexes on {@code username} and on
 * {@code username_key} ({@link Username#key()}: 'Alice' and 'alice' are one name) settle races. A user who
 * still owns AAClusters cannot be removed (see {@link #remove}).
 */
public final class JdbiUserRepository implements UserRepository {

    private final UserDao dao;

    @Inject
    public JdbiUserRepository(Jdbi jdbi) {
        this.dao = Objects.requireNonNull(jdbi, "'jdbi' must not be null").onDemand(UserDao.class);
    }

    @Override
    public void add(User user) {
        try {
            dao.insert(toRow(user), user.username().key());
        } catch (JdbiException e) {
            if (SqlErrors.isUniqueViolation(e)) {
                throw AapfException.invalid("username '" + user.username() + "' is already taken");
            }
            throw e;
        }
    }

    /** {@inheritDoc} Throws {@code NOT_FOUND} when the user was removed meanwhile. */
    @Override
    public void update(User user) {
        int updated = dao.update(toRow(user));
        if (updated == 0) {
            throw AapfException.notFound("user '" + user.username() + "' does not exist");
        }
    }

    @Override
    public Optional<User> findById(UserId id) {
        return dao.findById(id.toString()).map(JdbiUserRepository::toUser);
    }

    /**
     * {@inheritDoc} The exact name first: accounts that differed only in case before names were unique by key keep
     * logging in with their own name (V3 gave all but the oldest a key of their own).
     */
    @Override
    public Optional<User> findByUsername(Username username) {
        return dao.findByUsername(username.value()).or(() -> dao.findByUsernameKey(username.key()))
                .map(JdbiUserRepository::toUser);
    }

    @Override
    public Optional<User> findByExternalIdentity(ExternalIdentity identity) {
        return dao.findByExternalIdentity(identity.issuer(), identity.subject()).map(JdbiUserRepository::toUser);
    }

    @Override
    public List<User> list() {
        return dao.list().stream().map(JdbiUserRepository::toUser).toList();
    }

    /**
     * {@inheritDoc} Sessions and API tokens go with the user (ON DELETE CASCADE); AAClusters do not, because the
     * reconciler must still tear them down on the backend, so a user who owns any is not removed.
     *
     * @throws AapfException {@code INVALID_INPUT} when the user still owns AAClusters (also when one is created
     *     concurrently; the foreign key decides)
     */
    @Override
    public boolean remove(UserId id) {
        try {
            return dao.delete(id.toString()) > 0;
        } catch (JdbiException e) {
            if (SqlErrors.isForeignKeyViolation(e)) {
                throw AapfException.invalid("The user still owns AAClusters; delete them first.");
            }
            throw e;
        }
    }

    private static UserRow toRow(User user) {
        return new UserRow(user.id().toString(), user.username().value(), user.passwordHash().phc(),
                UtcTimes.toColumn(user.createdAt()), UtcTimes.toColumn(user.passwordChangedAt()), user.isAdmin(),
                user.externalIdentity().map(ExternalIdentity::issuer).orElse(null),
                user.externalIdentity().map(ExternalIdentity::subject).orElse(null),
                String.join("\n", user.groups()));
    }

    private static User toUser(UserRow row) {
        Optional<ExternalIdentity> identity = row.externalIssuer() == null
                ? Optional.empty()
                : Optional.of(new ExternalIdentity(row.externalIssuer(), row.externalSubject()));
        Set<String> groups = row.providerGroups().isEmpty() ? Set.of() : Set.of(row.providerGroups().split("\n"));
        return User.restore(UserId.parse(row.id()), new Username(row.username()), new PasswordHash(row.passwordHash()),
                UtcTimes.toInstant(row.createdAt()), UtcTimes.toInstant(row.passwordChangedAt()), row.admin(),
                identity, groups);
    }
}

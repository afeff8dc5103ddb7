package org.aapf.domain.user;

import java.time.Instant;
import java.util.Collections;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

/**
 * An account that can log in and own clusters and API tokens. A local user is added by the operator and logs in with
 * a password; a user signed up through single sign-on is linked to its {@link ExternalIdentity} and carries the
 * groups the provider named at the latest login. An admin may see every user.
 */
public final class User {

    private final UserId id;
    private final Username username;
    private PasswordHash passwordHash;
    private final Instant createdAt;
    private Instant passwordChangedAt;
    private boolean admin;
    private final Optional<ExternalIdentity> externalIdentity;
    private Set<String> groups;

    private User(UserId id, Username username, PasswordHash passwordHash, Instant createdAt, Instant passwordChangedAt,
            boolean admin, Optional<ExternalIdentity> externalIdentity, Set<String> groups) {
        this.id = Objects.requireNonNull(id, "'id' must not be null");
        this.username = Objects.requireNonNull(username, "'username' must not be null");
        this.passwordHash = Objects.requireNonNull(passwordHash, "'passwordHash' must not be null");
        this.createdAt = Objects.requireNonNull(createdAt, "'createdAt' must not be null");
        this.passwordChangedAt = Objects.requireNonNull(passwordChangedAt, "'passwordChangedAt' must not be null");
        this.admin = admin;
        this.externalIdentity = Objects.requireNonNull(externalIdentity, "'externalIdentity' must not be null");
        this.groups = validGroups(groups);
    }

    /** A local user that does not exist yet. */
    public static User register(Username username, PasswordHash passwordHash, Instant now) {
        return new User(UserId.random(), username, passwordHash, now, now, false, Optional.empty(), Set.of());
    }

    /** A local admin that does not exist yet (a break-glass account of the operator). */
    public static User registerAdmin(Username username, PasswordHash passwordHash, Instant now) {
        return new User(UserId.random(), username, passwordHash, now, now, true, Optional.empty(), Set.of());
    }

    /**
     * A user met for the first time at a single sign-on; {@code passwordHash} should be of a password nobody knows.
     */
    public static User signUp(Username username, PasswordHash passwordHash, ExternalIdentity identity,
            Set<String> groups, boolean admin, Instant now) {
        return new User(UserId.random(), username, passwordHash, now, now, admin,
                Optional.of(Objects.requireNonNull(identity, "'identity' must not be null")), groups);
    }

    /** A user as loaded from storage. */
    public static User restore(UserId id, Username username, PasswordHash passwordHash, Instant createdAt,
            Instant passwordChangedAt, boolean admin, Optional<ExternalIdentity> externalIdentity, Set<String> groups) {
        return new User(id, username, passwordHash, createdAt, passwordChangedAt, admin, externalIdentity, groups);
    }

    /**
     * Takes over what the provider says at a sign-on: its groups and whether they make this user an admin.
     *
     * @throws IllegalStateException for a local user, whom no provider speaks for
     */
    public void applyProviderClaims(Set<String> providerGroups, boolean providerAdmin) {
        if (externalIdentity.isEmpty()) {
            throw new IllegalStateException("user '" + username + "' is local; no provider speaks for it");
        }
        this.groups = validGroups(providerGroups);
        this.admin = providerAdmin;
    }

    /**
     * Grants ({@code true}) or revokes admin rights. For a user from single sign-on the provider's admin group decides
     * again at the next sign-on.
     *
     * @return false when the user already had that standing (nothing changes)
     */
    public boolean setAdmin(boolean admin) {
        boolean changed = this.admin != admin;
        this.admin = admin;
        return changed;
    }

    public void changePassword(PasswordHash newHash, Instant now) {
        this.passwordHash = Objects.requireNonNull(newHash, "'passwordHash' must not be null");
        this.passwordChangedAt = Objects.requireNonNull(now, "'now' must not be null");
    }

    public UserId id() {
        return id;
    }

    public Username username() {
        return username;
    }

    public PasswordHash passwordHash() {
        return passwordHash;
    }

    public Instant createdAt() {
        return createdAt;
    }

    public Instant passwordChangedAt() {
        return passwordChangedAt;
    }

    public boolean isAdmin() {
        return admin;
    }

    public Optional<ExternalIdentity> externalIdentity() {
        return externalIdentity;
    }

    /** The provider's groups at the latest sign-on, sorted; none for a local user. */
    public Set<String> groups() {
        return groups;
    }

    private static Set<String> validGroups(Set<String> groups) {
        Objects.requireNonNull(groups, "'groups' must not be null");
        for (String group : groups) {
            if (group == null || group.isBlank() || group.length() > 255
                    || group.chars().anyMatch(Character::isISOControl)) {
                throw new IllegalArgumentException(
                        "'groups' must hold names of 1-255 characters without control characters");
            }
        }
        return Collections.unmodifiableSet(new TreeSet<>(groups));
    }
}

package org.aapf.domain.user;

import java.time.Instant;
import java.util.Objects;

/** An account that can log in and own clusters and API tokens. */
public final class User {

    private final UserId id;
    private final Username username;
    private PasswordHash passwordHash;
    private final Instant createdAt;
    private Instant passwordChangedAt;

    private User(UserId id, Username username, PasswordHash passwordHash, Instant createdAt, Instant passwordChangedAt) {
        this.id = Objects.requireNonNull(id, "'id' must not be null");
        this.username = Objects.requireNonNull(username, "'username' must not be null");
        this.passwordHash = Objects.requireNonNull(passwordHash, "'passwordHash' must not be null");
        this.createdAt = Objects.requireNonNull(createdAt, "'createdAt' must not be null");
        this.passwordChangedAt = Objects.requireNonNull(passwordChangedAt, "'passwordChangedAt' must not be null");
    }

    /** A user that does not exist yet. */
    public static User register(Username username, PasswordHash passwordHash, Instant now) {
        return new User(UserId.random(), username, passwordHash, now, now);
    }

    /** A user as loaded from storage. */
    public static User restore(UserId id, Username username, PasswordHash passwordHash, Instant createdAt,
            Instant passwordChangedAt) {
        return new User(id, username, passwordHash, createdAt, passwordChangedAt);
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
}

package org.aapf.domain.session;

import java.time.Instant;
import java.util.Objects;
import java.util.Optional;
import org.aapf.domain.user.UserId;

/**
 * One login: its access and refresh tokens work while the session is active. Logging out or changing the password
 * revokes it, which stops both tokens at once.
 */
public final class Session {

    private final SessionId id;
    private final UserId userId;
    private final Instant createdAt;
    private final Instant expiresAt;
    private Instant revokedAt;

    private Session(SessionId id, UserId userId, Instant createdAt, Instant expiresAt, Instant revokedAt) {
        this.id = Objects.requireNonNull(id, "'id' must not be null");
        this.userId = Objects.requireNonNull(userId, "'userId' must not be null");
        this.createdAt = Objects.requireNonNull(createdAt, "'createdAt' must not be null");
        this.expiresAt = Objects.requireNonNull(expiresAt, "'expiresAt' must not be null");
        if (!expiresAt.isAfter(createdAt)) {
            throw new IllegalArgumentException("'expiresAt' must be after 'createdAt'");
        }
        this.revokedAt = revokedAt;
    }

    /** A new session that lives until {@code expiresAt} (the refresh token's expiry) unless revoked. */
    public static Session start(UserId userId, Instant now, Instant expiresAt) {
        return new Session(SessionId.random(), userId, now, expiresAt, null);
    }

    public static Session restore(SessionId id, UserId userId, Instant createdAt, Instant expiresAt, Instant revokedAt) {
        return new Session(id, userId, createdAt, expiresAt, revokedAt);
    }

    public boolean isActiveAt(Instant now) {
        return revokedAt == null && now.isBefore(expiresAt);
    }

    /** Revokes the session; revoking twice keeps the first time. */
    public void revoke(Instant now) {
        if (revokedAt == null) {
            revokedAt = now;
        }
    }

    public SessionId id() {
        return id;
    }

    public UserId userId() {
        return userId;
    }

    public Instant createdAt() {
        return createdAt;
    }

    public Instant expiresAt() {
        return expiresAt;
    }

    public Optional<Instant> revokedAt() {
        return Optional.ofNullable(revokedAt);
    }
}

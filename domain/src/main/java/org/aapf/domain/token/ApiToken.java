package org.aapf.domain.token;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;
import org.aapf.domain.user.UserId;

/** A long-lived, revocable credential for scripts. Only the digest of its secret is kept. */
public final class ApiToken {

    private final ApiTokenId id;
    private final UserId owner;
    private final TokenName name;
    private final SecretDigest digest;
    private final Instant createdAt;
    private Instant lastUsedAt;

    private ApiToken(ApiTokenId id, UserId owner, TokenName name, SecretDigest digest, Instant createdAt,
            Instant lastUsedAt) {
        this.id = Objects.requireNonNull(id, "'id' must not be null");
        this.owner = Objects.requireNonNull(owner, "'owner' must not be null");
        this.name = Objects.requireNonNull(name, "'name' must not be null");
        this.digest = Objects.requireNonNull(digest, "'digest' must not be null");
        this.createdAt = Objects.requireNonNull(createdAt, "'createdAt' must not be null");
        this.lastUsedAt = lastUsedAt;
    }

    /** A token about to be issued; {@code id} is the id embedded in its secret. */
    public static ApiToken issue(ApiTokenId id, UserId owner, TokenName name, SecretDigest digest, Instant now) {
        return new ApiToken(id, owner, name, digest, now, null);
    }

    public static ApiToken restore(ApiTokenId id, UserId owner, TokenName name, SecretDigest digest, Instant createdAt,
            Instant lastUsedAt) {
        return new ApiToken(id, owner, name, digest, createdAt, lastUsedAt);
    }

    public boolean matches(SecretDigest presented) {
        return MessageDigest.isEqual(digest.hex().getBytes(StandardCharsets.US_ASCII),
                presented.hex().getBytes(StandardCharsets.US_ASCII));
    }

    public void markUsed(Instant now) {
        lastUsedAt = now;
    }

    public ApiTokenId id() {
        return id;
    }

    public UserId owner() {
        return owner;
    }

    public TokenName name() {
        return name;
    }

    public SecretDigest digest() {
        return digest;
    }

    public Instant createdAt() {
        return createdAt;
    }

    public Optional<Instant> lastUsedAt() {
        return Optional.ofNullable(lastUsedAt);
    }
}

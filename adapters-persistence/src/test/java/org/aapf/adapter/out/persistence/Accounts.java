package org.aapf.adapter.out.persistence;

import java.time.Duration;
import java.time.Instant;
import org.aapf.domain.session.Session;
import org.aapf.domain.token.ApiToken;
import org.aapf.domain.token.ApiTokenId;
import org.aapf.domain.token.SecretDigest;
import org.aapf.domain.token.TokenName;
import org.aapf.domain.user.PasswordHash;
import org.aapf.domain.user.User;
import org.aapf.domain.user.UserId;
import org.aapf.domain.user.Username;

/** Test data for the account repositories; times carry nanoseconds to show they are stored as microseconds. */
final class Accounts {

    static final Instant T0 = Instant.parse("2026-03-01T10:15:30.123456789Z");
    static final Instant T0_STORED = Instant.parse("2026-03-01T10:15:30.123456Z");
    static final PasswordHash HASH = new PasswordHash("$argon2id$v=19$m=19456,t=2,p=1$c2FsdHNhbHQ$aGFzaGhhc2hoYXNo");
    static final PasswordHash OTHER_HASH = new PasswordHash("$argon2id$v=19$m=19456,t=2,p=1$b3RoZXJzYWx0$b3RoZXJoYXNo");

    private Accounts() {
    }

    static User user(String username) {
        return User.register(new Username(username), HASH, T0);
    }

    static Session session(UserId owner, Instant createdAt, Duration lifetime) {
        return Session.start(owner, createdAt, createdAt.plus(lifetime));
    }

    static ApiToken token(UserId owner, String name, Instant createdAt) {
        return ApiToken.issue(ApiTokenId.random(), owner, new TokenName(name), SecretDigest.sha256("secret-" + name),
                createdAt);
    }

    static Instant at(long secondsAfterT0) {
        return T0_STORED.plusSeconds(secondsAfterT0);
    }
}

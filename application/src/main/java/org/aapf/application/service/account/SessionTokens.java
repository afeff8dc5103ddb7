package org.aapf.application.service.account;

import java.time.Instant;
import java.util.Optional;
import org.aapf.application.port.out.TokenCodec;
import org.aapf.application.port.out.TokenCodec.Claims;
import org.aapf.application.port.out.TokenCodec.Kind;
import org.aapf.domain.session.Session;
import org.aapf.domain.user.Username;

/** Issues the access and refresh tokens of a login session; both carry the session id. */
final class SessionTokens {

    private final TokenCodec codec;
    private final AccountSettings settings;

    SessionTokens(TokenCodec codec, AccountSettings settings) {
        this.codec = codec;
        this.settings = settings;
    }

    /** An access token valid for the configured lifetime, but never beyond the session's end. */
    String accessToken(Session session, Username username, Instant now) {
        Instant expiresAt = now.plus(settings.accessTokenTtl());
        if (expiresAt.isAfter(session.expiresAt())) {
            expiresAt = session.expiresAt();
        }
        return issue(Kind.ACCESS, session, username, now, expiresAt);
    }

    /** A refresh token that lasts as long as the session. */
    String refreshToken(Session session, Username username, Instant now) {
        return issue(Kind.REFRESH, session, username, now, session.expiresAt());
    }

    private String issue(Kind kind, Session session, Username username, Instant now, Instant expiresAt) {
        return codec.issue(new Claims(kind, session.userId(), username.value(), session.id().value(), now,
                Optional.of(expiresAt)));
    }
}

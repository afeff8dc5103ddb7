package org.aapf.application.service.account;

import java.time.Instant;
import org.aapf.application.port.in.LoginUseCase.TokenPair;
import org.aapf.application.port.out.SessionRepository;
import org.aapf.application.port.out.TokenCodec;
import org.aapf.domain.session.Session;
import org.aapf.domain.user.User;

/** Starts a login session and issues its tokens: the one way in, for a password login and a sign-on alike. */
final class SessionStart {

    private final SessionRepository sessions;
    private final SessionTokens tokens;
    private final AccountSettings settings;

    SessionStart(SessionRepository sessions, TokenCodec codec, AccountSettings settings) {
        this.sessions = sessions;
        this.tokens = new SessionTokens(codec, settings);
        this.settings = settings;
    }

    TokenPair begin(User user, Instant now) {
        Session session = Session.start(user.id(), now, now.plus(settings.refreshTokenTtl()));
        sessions.add(session);
        return new TokenPair(tokens.accessToken(session, user.username(), now),
                tokens.refreshToken(session, user.username(), now));
    }
}

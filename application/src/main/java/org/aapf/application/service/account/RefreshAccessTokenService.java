package org.aapf.application.service.account;

import jakarta.inject.Inject;
import java.time.Clock;
import java.time.Instant;
import java.util.Optional;
import org.aapf.application.port.in.RefreshAccessTokenUseCase;
import org.aapf.application.port.out.SessionRepository;
import org.aapf.application.port.out.TokenCodec;
import org.aapf.application.port.out.TokenCodec.Claims;
import org.aapf.application.port.out.TokenCodec.Kind;
import org.aapf.domain.error.AapfException;
import org.aapf.domain.session.Session;
import org.aapf.domain.session.SessionId;
import org.aapf.domain.user.Username;
import org.aapf.domain.common.Timestamps;

/** Issues a fresh access token for the still-active session a refresh token belongs to. */
public final class RefreshAccessTokenService implements RefreshAccessTokenUseCase {

    static final String INVALID_REFRESH_TOKEN = "Invalid or expired refresh token.";

    private final SessionRepository sessions;
    private final TokenCodec codec;
    private final SessionTokens tokens;
    private final Clock clock;

    @Inject
    public RefreshAccessTokenService(SessionRepository sessions, TokenCodec codec, AccountSettings settings,
            Clock clock) {
        this.sessions = sessions;
        this.codec = codec;
        this.tokens = new SessionTokens(codec, settings);
        this.clock = clock;
    }

    @Override
    public String refresh(RefreshAccessTokenCommand command) {
        String refreshToken = command.refreshToken();
        if (refreshToken == null || refreshToken.isBlank()) {
            throw AapfException.unauthenticated(INVALID_REFRESH_TOKEN);
        }
        Instant now = Timestamps.now(clock);
        Optional<Claims> claims = codec.verify(refreshToken, Kind.REFRESH);
        Optional<Session> session = claims.flatMap(c -> sessions.findById(new SessionId(c.id())))
                .filter(s -> s.isActiveAt(now) && s.userId().equals(claims.get().subject()));
        Optional<Username> username = claims.flatMap(c -> Usernames.parse(c.username()));
        if (session.isEmpty() || username.isEmpty()) {
            throw AapfException.unauthenticated(INVALID_REFRESH_TOKEN);
        }
        return tokens.accessToken(session.get(), username.get(), now);
    }
}

package org.aapf.application.service.account;

import jakarta.inject.Inject;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import org.aapf.application.port.in.AuthenticateUseCase;
import org.aapf.application.port.in.AuthenticatedUser;
import org.aapf.application.port.out.ApiTokenRepository;
import org.aapf.application.port.out.CredentialRead;
import org.aapf.application.port.out.SessionRepository;
import org.aapf.application.port.out.TokenCodec;
import org.aapf.application.port.out.TokenCodec.Claims;
import org.aapf.application.port.out.TokenCodec.Kind;
import org.aapf.domain.error.AapfException;
import org.aapf.domain.session.SessionId;
import org.aapf.domain.token.ApiToken;
import org.aapf.domain.token.ApiTokenId;
import org.aapf.domain.token.SecretDigest;
import org.aapf.domain.user.Username;
import org.aapf.domain.common.Timestamps;

/**
 * Accepts an access token of an active session or an existing API token; refresh tokens and anything revoked,
 * expired or forged are refused with one message. The credential is read from storage on every request, so a logout,
 * a deleted token or a changed password counts at once on every server; the caller's list version comes with it
 * when storage can read both in one statement.
 */
public final class AuthenticateService implements AuthenticateUseCase {

    static final String INVALID_TOKEN = "Invalid or expired token.";

    /** Recording every use of an API token would cost a write per request; once a minute is precise enough. */
    static final Duration LAST_USE_PRECISION = Duration.ofMinutes(1);

    private final SessionRepository sessions;
    private final ApiTokenRepository apiTokens;
    private final TokenCodec codec;
    private final Clock clock;

    @Inject
    public AuthenticateService(SessionRepository sessions, ApiTokenRepository apiTokens, TokenCodec codec,
            Clock clock) {
        this.sessions = sessions;
        this.apiTokens = apiTokens;
        this.codec = codec;
        this.clock = clock;
    }

    @Override
    public AuthenticatedUser authenticate(String bearerToken) {
        if (bearerToken == null || bearerToken.isBlank()) {
            throw AapfException.unauthenticated(INVALID_TOKEN);
        }
        Instant now = Timestamps.now(clock);
        Optional<AuthenticatedUser> caller = codec.verify(bearerToken, Kind.ACCESS)
                .flatMap(claims -> bySession(claims, now))
                .or(() -> codec.verify(bearerToken, Kind.API).flatMap(claims -> byApiToken(claims, bearerToken, now)));
        return caller.orElseThrow(() -> AapfException.unauthenticated(INVALID_TOKEN));
    }

    private Optional<AuthenticatedUser> bySession(Claims claims, Instant now) {
        SessionId id = new SessionId(claims.id());
        return sessions.findForRequest(id)
                .filter(read -> read.credential().isActiveAt(now) && read.credential().userId().equals(claims.subject()))
                .flatMap(read -> Usernames.parse(claims.username())
                        .map(username -> AuthenticatedUser.bySession(claims.subject(), username, id,
                                read.listVersion())));
    }

    private Optional<AuthenticatedUser> byApiToken(Claims claims, String secret, Instant now) {
        Optional<CredentialRead<ApiToken>> read = apiTokens.findForRequest(new ApiTokenId(claims.id()))
                .filter(found -> found.credential().owner().equals(claims.subject()))
                .filter(found -> found.credential().matches(SecretDigest.sha256(secret)));
        Optional<Username> username = Usernames.parse(claims.username());
        if (read.isEmpty() || username.isEmpty()) {
            return Optional.empty();
        }
        ApiToken token = read.get().credential();
        recordUse(token, now);
        return Optional.of(AuthenticatedUser.byApiToken(claims.subject(), username.get(), token.id(),
                read.get().listVersion()));
    }

    private void recordUse(ApiToken token, Instant now) {
        boolean stale = token.lastUsedAt().map(last -> !now.isBefore(last.plus(LAST_USE_PRECISION))).orElse(true);
        if (stale) {
            apiTokens.markUsed(token.id(), now);
        }
    }
}

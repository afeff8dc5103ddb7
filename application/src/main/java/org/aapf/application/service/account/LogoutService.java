package org.aapf.application.service.account;

import jakarta.inject.Inject;
import java.time.Clock;
import org.aapf.application.port.in.AuthenticatedUser;
import org.aapf.application.port.in.LogoutUseCase;
import org.aapf.application.port.out.SessionRepository;
import org.aapf.domain.error.AapfException;
import org.aapf.domain.session.SessionId;
import org.aapf.domain.common.Timestamps;

/** Revokes the caller's login session, which stops its access and refresh tokens at once. */
public final class LogoutService implements LogoutUseCase {

    static final String NO_SESSION = "Logout needs an access token; an API token has no session to end.";

    private final SessionRepository sessions;
    private final Clock clock;

    @Inject
    public LogoutService(SessionRepository sessions, Clock clock) {
        this.sessions = sessions;
        this.clock = clock;
    }

    @Override
    public void logout(AuthenticatedUser caller) {
        SessionId session = caller.session().orElseThrow(() -> AapfException.invalid(NO_SESSION));
        sessions.revoke(session, Timestamps.now(clock));
    }
}

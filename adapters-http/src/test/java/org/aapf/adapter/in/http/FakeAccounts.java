package org.aapf.adapter.in.http;

import java.time.Duration;
import java.util.UUID;
import org.aapf.application.port.in.AuthenticateUseCase;
import org.aapf.application.port.in.AuthenticatedUser;
import org.aapf.application.port.in.ChangePasswordUseCase;
import org.aapf.application.port.in.LoginUseCase;
import org.aapf.application.port.in.LogoutUseCase;
import org.aapf.application.port.in.RefreshAccessTokenUseCase;
import org.aapf.domain.error.AapfException;
import org.aapf.domain.session.SessionId;
import org.aapf.domain.user.UserId;
import org.aapf.domain.user.Username;

/** One user with fixed tokens; special usernames make login fail in each way the port allows. */
final class FakeAccounts implements LoginUseCase, LogoutUseCase, RefreshAccessTokenUseCase, ChangePasswordUseCase,
        AuthenticateUseCase {

    static final String USERNAME = "user1";
    static final String PASSWORD = "user1pass";
    static final String ACCESS_TOKEN = "access-token-1";
    static final String REFRESH_TOKEN = "refresh-token-1";
    static final String NEW_ACCESS_TOKEN = "access-token-2";
    static final String THROTTLED_USER = "throttled";
    static final String UNAVAILABLE_USER = "unavailable";
    static final String CRASHING_USER = "crash";
    static final String SECRET_DETAIL = "hash $2a$10$secretsecret token eyJsecret";
    static final AuthenticatedUser USER = AuthenticatedUser.bySession(
            new UserId(UUID.fromString("00000000-0000-0000-0000-000000000001")), new Username(USERNAME),
            new SessionId(UUID.fromString("00000000-0000-0000-0000-000000000002")));

    volatile boolean loggedOut;
    volatile LoginCommand lastLogin;
    volatile ChangePasswordCommand lastPasswordChange;

    @Override
    public TokenPair login(LoginCommand command) {
        lastLogin = command;
        switch (command.username()) {
            case THROTTLED_USER -> throw AapfException.throttled("Too many failed logins; try again later.",
                    Duration.ofMillis(29_500));
            case UNAVAILABLE_USER -> throw AapfException.unavailable("The database is not reachable.",
                    new IllegalStateException(SECRET_DETAIL));
            case CRASHING_USER -> throw new IllegalStateException(SECRET_DETAIL);
            default -> {
                if (command.username().equals(USERNAME) && command.password().equals(PASSWORD)) {
                    return new TokenPair(ACCESS_TOKEN, REFRESH_TOKEN);
                }
                throw AapfException.unauthenticated("Wrong username or password.");
            }
        }
    }

    @Override
    public void logout(AuthenticatedUser caller) {
        if (caller.session().isEmpty()) {
            throw AapfException.invalid("An API token has no session to log out of.");
        }
        loggedOut = true;
    }

    @Override
    public String refresh(RefreshAccessTokenCommand command) {
        if (!command.refreshToken().equals(REFRESH_TOKEN)) {
            throw AapfException.unauthenticated("Invalid or expired refresh token.");
        }
        return NEW_ACCESS_TOKEN;
    }

    @Override
    public void changePassword(ChangePasswordCommand command) {
        if (!command.oldPassword().equals(PASSWORD)) {
            throw AapfException.unauthenticated("Wrong old password.");
        }
        lastPasswordChange = command;
    }

    @Override
    public AuthenticatedUser authenticate(String bearerToken) {
        if (bearerToken.equals(ACCESS_TOKEN) && !loggedOut) {
            return USER;
        }
        throw AapfException.unauthenticated("Invalid or expired token.");
    }
}

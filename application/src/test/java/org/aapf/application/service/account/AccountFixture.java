package org.aapf.application.service.account;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import org.aapf.application.port.in.AddUserUseCase.AddUserCommand;
import org.aapf.application.port.in.AuthenticatedUser;
import org.aapf.application.port.in.LoginUseCase.LoginCommand;
import org.aapf.application.port.in.LoginUseCase.TokenPair;
import org.aapf.application.testing.FakePasswordHasher;
import org.aapf.application.testing.FakeTokenCodec;
import org.aapf.application.testing.InMemoryApiTokenRepository;
import org.aapf.application.testing.InMemoryLoginAttemptRepository;
import org.aapf.application.testing.InMemoryOwnerLock;
import org.aapf.application.testing.InMemorySessionRepository;
import org.aapf.application.testing.InMemoryUserRepository;
import org.aapf.application.testing.ManualClock;
import org.aapf.domain.error.AapfException;
import org.aapf.domain.error.ErrorReason;

/** Every account service wired to in-memory fakes, with helpers the tests share. */
final class AccountFixture {

    static final String ADDRESS = "192.0.2.10";

    final ManualClock clock = ManualClock.atSomeMoment();
    final InMemorySessionRepository sessions = new InMemorySessionRepository();
    final InMemoryApiTokenRepository apiTokens = new InMemoryApiTokenRepository();
    final InMemoryUserRepository users = new InMemoryUserRepository(sessions, apiTokens);
    final InMemoryLoginAttemptRepository attempts = new InMemoryLoginAttemptRepository();
    final FakePasswordHasher hasher = new FakePasswordHasher();
    final FakeTokenCodec codec = new FakeTokenCodec(clock);
    final AccountSettings settings = AccountSettings.defaults();

    final LoginService login = new LoginService(users, sessions, attempts, hasher, codec, settings, clock);
    final AuthenticateService authenticate = new AuthenticateService(sessions, apiTokens, codec, clock);
    final RefreshAccessTokenService refresh = new RefreshAccessTokenService(sessions, codec, settings, clock);
    final LogoutService logout = new LogoutService(sessions, clock);
    final ChangePasswordService changePassword = new ChangePasswordService(users, sessions, hasher, attempts,
            settings, clock);
    final CreateApiTokenService createApiToken = new CreateApiTokenService(users, apiTokens, hasher, attempts,
            settings, codec, new InMemoryOwnerLock(), clock);
    final ListApiTokensService listApiTokens = new ListApiTokensService(apiTokens);
    final GetApiTokenService getApiToken = new GetApiTokenService(apiTokens);
    final DeleteApiTokenService deleteApiToken = new DeleteApiTokenService(apiTokens);
    final AddUserService addUser = new AddUserService(users, hasher, clock);
    final SetUserPasswordService setUserPassword = new SetUserPasswordService(users, sessions, hasher, clock);
    final ListUsersService listUsers = new ListUsersService(users);
    final RemoveUserService removeUser = new RemoveUserService(users);

    void addUser(String username, String password) {
        addUser.addUser(new AddUserCommand(username, password));
    }

    TokenPair login(String username, String password) {
        return login.login(new LoginCommand(username, password, ADDRESS));
    }

    /** Logs in and authenticates with the access token. */
    AuthenticatedUser loggedIn(String username, String password) {
        return authenticate.authenticate(login(username, password).accessToken());
    }

    /** The clock's current reading at the precision services store. */
    Instant now() {
        return clock.instant().truncatedTo(ChronoUnit.MICROS);
    }

    static AapfException assertFails(ErrorReason reason, org.junit.jupiter.api.function.Executable action) {
        AapfException error = assertThrows(AapfException.class, action);
        assertEquals(reason, error.reason(), "reason of: " + error.getMessage());
        return error;
    }
}

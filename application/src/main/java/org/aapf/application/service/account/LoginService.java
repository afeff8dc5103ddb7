package org.aapf.application.service.account;

import jakarta.inject.Inject;
import java.time.Clock;
import java.time.Instant;
import java.util.Optional;
import org.aapf.application.port.in.LoginUseCase;
import org.aapf.application.port.out.LoginAttemptRepository;
import org.aapf.application.port.out.Metrics;
import org.aapf.application.port.out.Metrics.LoginOutcome;
import org.aapf.application.port.out.PasswordHasher;
import org.aapf.application.port.out.SessionRepository;
import org.aapf.application.port.out.TokenCodec;
import org.aapf.application.port.out.UserRepository;
import org.aapf.domain.error.AapfException;
import org.aapf.domain.user.Password;
import org.aapf.domain.user.User;
import org.aapf.domain.user.Username;

/**
 * Logs users in. Unknown users and wrong passwords get the same answer after the same amount of hashing, and
 * repeated failures are throttled before any hashing is done.
 */
public final class LoginService implements LoginUseCase {

    static final String INVALID_CREDENTIALS = "Invalid username or password.";

    static final String PASSWORD_LOGIN_OFF = "Password login is turned off on this server; log in with single sign-on.";

    private final UserRepository users;
    private final PasswordHasher hasher;
    private final LoginThrottle throttle;
    private final SessionStart sessionStart;
    private final SignOnSettings signOn;
    private final Clock clock;
    private final Metrics metrics;

    /** A login service that reports to no monitoring. */
    public LoginService(UserRepository users, SessionRepository sessions, LoginAttemptRepository attempts,
            PasswordHasher hasher, TokenCodec codec, AccountSettings settings, Clock clock) {
        this(users, sessions, attempts, hasher, codec, settings, SignOnSettings.defaults(), clock, Metrics.none());
    }

    /**
     * @param signOn when password login is off, only local admins may still log in with a password (after the
     *     password was checked, so the answer reveals nothing to whoever does not know it)
     */
    @Inject
    public LoginService(UserRepository users, SessionRepository sessions, LoginAttemptRepository attempts,
            PasswordHasher hasher, TokenCodec codec, AccountSettings settings, SignOnSettings signOn, Clock clock,
            Metrics metrics) {
        this.users = users;
        this.hasher = hasher;
        this.throttle = new LoginThrottle(attempts, settings.throttling());
        this.sessionStart = new SessionStart(sessions, codec, settings);
        this.signOn = signOn;
        this.clock = clock;
        this.metrics = metrics;
    }

    @Override
    public TokenPair login(LoginCommand command) {
        Password password = new Password(command.password());
        Optional<Username> username = Usernames.parse(command.username());
        LoginThrottle.Keys keys = LoginThrottle.Keys.of(username.map(Username::value), command.clientAddress());
        Instant now = Timestamps.now(clock);
        try {
            throttle.check(keys, now);
        } catch (AapfException e) {
            metrics.login(LoginOutcome.THROTTLED);
            throw e;
        }

        Optional<User> user = username.flatMap(users::findByUsername);
        boolean matches = hasher.verify(password, user.map(User::passwordHash).orElseGet(hasher::decoy));
        if (user.isEmpty() || !matches) {
            throttle.recordFailure(keys, now);
            metrics.login(LoginOutcome.FAILED);
            throw AapfException.unauthenticated(INVALID_CREDENTIALS);
        }
        throttle.recordSuccess(keys);
        if (!signOn.passwordLogin() && !isBreakGlassAdmin(user.get())) {
            metrics.login(LoginOutcome.FAILED);
            throw AapfException.forbidden(PASSWORD_LOGIN_OFF);
        }
        metrics.login(LoginOutcome.SUCCEEDED);
        return sessionStart.begin(user.get(), now);
    }

    private static boolean isBreakGlassAdmin(User user) {
        return user.isAdmin() && user.externalIdentity().isEmpty();
    }
}

package org.aapf.application.service.account;

import jakarta.inject.Inject;
import java.time.Clock;
import java.time.Instant;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicReference;
import org.aapf.application.port.in.AuditLog;
import org.aapf.application.port.in.LoginUseCase;
import org.aapf.application.port.out.LoginAttemptRepository;
import org.aapf.application.port.out.Metrics;
import org.aapf.application.port.out.Metrics.LoginOutcome;
import org.aapf.application.port.out.PasswordHasher;
import org.aapf.application.port.out.SessionRepository;
import org.aapf.application.port.out.TokenCodec;
import org.aapf.application.port.out.UserRepository;
import org.aapf.domain.audit.AuditEntry;
import org.aapf.domain.audit.AuditEntry.Outcome;
import org.aapf.domain.error.AapfException;
import org.aapf.domain.error.ErrorReason;
import org.aapf.domain.user.Password;
import org.aapf.domain.user.User;
import org.aapf.domain.user.Username;
import org.aapf.domain.common.Timestamps;

/**
 * Logs users in. Unknown users and wrong passwords get the same answer after the same amount of hashing, and every
 * attempt is counted before any hashing is done (see {@link ThrottledPasswordCheck}).
 */
public final class LoginService implements LoginUseCase {

    static final String INVALID_CREDENTIALS = "Invalid username or password.";

    static final String PASSWORD_LOGIN_OFF = "Password login is turned off on this server; log in with single sign-on.";

    private final UserRepository users;
    private final PasswordHasher hasher;
    private final ThrottledPasswordCheck check;
    private final SessionStart sessionStart;
    private final SignOnSettings signOn;
    private final Clock clock;
    private final Metrics metrics;
    private final AuditLog audit;

    /** A login service that reports to no monitoring. */
    public LoginService(UserRepository users, SessionRepository sessions, LoginAttemptRepository attempts,
            PasswordHasher hasher, TokenCodec codec, AccountSettings settings, Clock clock) {
        this(users, sessions, attempts, hasher, codec, settings, SignOnSettings.defaults(), clock, Metrics.none(),
                AuditLog.none());
    }

    /**
     * @param signOn when password login is off, only local admins may still log in with a password (after the
     *     password was checked, so the answer reveals nothing to whoever does not know it)
     * @param audit records every attempt with the name tried, the client's address and the outcome (never the password)
     */
    @Inject
    public LoginService(UserRepository users, SessionRepository sessions, LoginAttemptRepository attempts,
            PasswordHasher hasher, TokenCodec codec, AccountSettings settings, SignOnSettings signOn, Clock clock,
            Metrics metrics, AuditLog audit) {
        this.users = users;
        this.hasher = hasher;
        this.check = new ThrottledPasswordCheck(attempts, settings, hasher, clock);
        this.sessionStart = new SessionStart(sessions, codec, settings);
        this.signOn = signOn;
        this.clock = clock;
        this.metrics = metrics;
        this.audit = audit;
    }

    @Override
    public TokenPair login(LoginCommand command) {
        Password password = new Password(command.password());
        Optional<Username> username = Usernames.parse(command.username());
        LoginThrottle.Keys keys = LoginThrottle.Keys.of(username, command.clientAddress());

        AtomicReference<Optional<User>> user = new AtomicReference<>(Optional.empty());
        boolean matches;
        try {
            matches = check.matches(keys, password, () -> {
                user.set(username.flatMap(users::findByUsername));
                return user.get().map(User::passwordHash).orElseGet(hasher::decoy);
            });
        } catch (AapfException e) {
            if (e.reason() == ErrorReason.THROTTLED) {
                metrics.login(LoginOutcome.THROTTLED);
                audit(command, Outcome.THROTTLED, "too many failed attempts");
            }
            throw e;
        }
        if (user.get().isEmpty() || !matches) {
            metrics.login(LoginOutcome.FAILED);
            audit(command, Outcome.REFUSED, user.get().isEmpty() ? "unknown user" : "wrong password");
            throw AapfException.unauthenticated(INVALID_CREDENTIALS);
        }
        if (!signOn.passwordLogin() && !isBreakGlassAdmin(user.get().orElseThrow())) {
            metrics.login(LoginOutcome.FAILED);
            audit(command, Outcome.REFUSED, "password login is off");
            throw AapfException.forbidden(PASSWORD_LOGIN_OFF);
        }
        metrics.login(LoginOutcome.SUCCEEDED);
        TokenPair tokens = sessionStart.begin(user.get().orElseThrow(), Timestamps.now(clock));
        audit(command, Outcome.SUCCEEDED, "");
        return tokens;
    }

    /** The name as typed (cut to a sane length by the entry), never the password. */
    private void audit(LoginCommand command, Outcome outcome, String detail) {
        String tried = command.username() == null || command.username().isBlank() ? "(none)" : command.username();
        audit.record(new AuditEntry(clock.instant(), tried, "login", "", command.clientAddress(), outcome, detail));
    }

    private static boolean isBreakGlassAdmin(User user) {
        return user.isAdmin() && user.externalIdentity().isEmpty();
    }
}

package org.aapf.application.service.account;

import jakarta.inject.Inject;
import java.time.Clock;
import org.aapf.application.port.in.ChangePasswordUseCase;
import org.aapf.application.port.out.LoginAttemptRepository;
import org.aapf.application.port.out.PasswordHasher;
import org.aapf.application.port.out.SessionRepository;
import org.aapf.application.port.out.UserRepository;
import org.aapf.domain.error.AapfException;
import org.aapf.domain.user.Password;
import org.aapf.domain.user.User;

/**
 * Changes the caller's password after checking the old one (throttled per account like logins), then revokes all the
 * caller's sessions.
 */
public final class ChangePasswordService implements ChangePasswordUseCase {

    static final String WRONG_OLD_PASSWORD = "The old password is wrong.";

    private final UserRepository users;
    private final SessionRepository sessions;
    private final PasswordHasher hasher;
    private final ThrottledPasswordCheck check;
    private final Clock clock;

    @Inject
    public ChangePasswordService(UserRepository users, SessionRepository sessions, PasswordHasher hasher,
            LoginAttemptRepository attempts, AccountSettings settings, Clock clock) {
        this.users = users;
        this.sessions = sessions;
        this.hasher = hasher;
        this.check = new ThrottledPasswordCheck(attempts, settings, hasher, clock);
        this.clock = clock;
    }

    @Override
    public void changePassword(ChangePasswordCommand command) {
        Password oldPassword = new Password(command.oldPassword());
        Password newPassword = Password.newPassword("newPassword", command.newPassword());
        User user = users.findById(command.caller().id())
                .orElseThrow(() -> AapfException.unauthenticated(WRONG_OLD_PASSWORD));
        if (!check.matches(LoginThrottle.Keys.account(user.username()), oldPassword, user::passwordHash)) {
            throw AapfException.unauthenticated(WRONG_OLD_PASSWORD);
        }
        NewPassword.set(user, newPassword, users, sessions, hasher, clock);
    }
}

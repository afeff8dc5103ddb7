package org.aapf.application.service.account;

import java.time.Clock;
import java.time.Instant;
import org.aapf.application.port.out.PasswordHasher;
import org.aapf.application.port.out.SessionRepository;
import org.aapf.application.port.out.UserRepository;
import org.aapf.domain.user.Password;
import org.aapf.domain.user.User;
import org.aapf.domain.common.Timestamps;

/** Sets a user's new password the one way both the user and the operator do it: hash, save, end every session. */
final class NewPassword {

    private NewPassword() {
    }

    static void set(User user, Password password, UserRepository users, SessionRepository sessions,
            PasswordHasher hasher, Clock clock) {
        Instant now = Timestamps.now(clock);
        user.changePassword(hasher.hash(password), now);
        users.update(user);
        sessions.revokeAll(user.id(), now);
    }
}

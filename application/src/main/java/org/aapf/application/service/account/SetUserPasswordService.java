package org.aapf.application.service.account;

import jakarta.inject.Inject;
import java.time.Clock;
import org.aapf.application.port.in.SetUserPasswordUseCase;
import org.aapf.application.port.out.PasswordHasher;
import org.aapf.application.port.out.SessionRepository;
import org.aapf.application.port.out.UserRepository;
import org.aapf.domain.user.Password;
import org.aapf.domain.user.User;

/** Sets a user's password without the old one (an operator's reset) and revokes all the user's sessions. */
public final class SetUserPasswordService implements SetUserPasswordUseCase {

    private final UserRepository users;
    private final SessionRepository sessions;
    private final PasswordHasher hasher;
    private final Clock clock;

    @Inject
    public SetUserPasswordService(UserRepository users, SessionRepository sessions, PasswordHasher hasher,
            Clock clock) {
        this.users = users;
        this.sessions = sessions;
        this.hasher = hasher;
        this.clock = clock;
    }

    @Override
    public void setPassword(SetUserPasswordCommand command) {
        Password password = Password.newPassword("password", command.password());
        User user = UserLookup.require(users, command.username());
        NewPassword.set(user, password, users, sessions, hasher, clock);
    }
}

package org.aapf.application.service.account;

import jakarta.inject.Inject;
import java.time.Clock;
import org.aapf.application.port.in.AddUserUseCase;
import org.aapf.application.port.in.UserView;
import org.aapf.application.port.out.PasswordHasher;
import org.aapf.application.port.out.UserRepository;
import org.aapf.domain.error.AapfException;
import org.aapf.domain.user.Password;
import org.aapf.domain.user.User;
import org.aapf.domain.user.Username;
import org.aapf.domain.common.Timestamps;

/** Creates an account with a hashed password. */
public final class AddUserService implements AddUserUseCase {

    private final UserRepository users;
    private final PasswordHasher hasher;
    private final Clock clock;

    @Inject
    public AddUserService(UserRepository users, PasswordHasher hasher, Clock clock) {
        this.users = users;
        this.hasher = hasher;
        this.clock = clock;
    }

    @Override
    public UserView addUser(AddUserCommand command) {
        Username username = new Username(command.username());
        Password password = Password.newPassword("password", command.password());
        if (users.findByUsername(username).isPresent()) {
            throw AapfException.invalid("A user named '" + username.value() + "' already exists.");
        }
        User user = command.admin()
                ? User.registerAdmin(username, hasher.hash(password), Timestamps.now(clock))
                : User.register(username, hasher.hash(password), Timestamps.now(clock));
        users.add(user);
        return UserView.from(user);
    }
}

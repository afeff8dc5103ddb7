package org.aapf.application.service.account;

import jakarta.inject.Inject;
import java.security.SecureRandom;
import java.time.Clock;
import java.util.Base64;
import java.util.Optional;
import org.aapf.application.port.in.EnsureTrustedUserUseCase;
import org.aapf.application.port.out.PasswordHasher;
import org.aapf.application.port.out.UserRepository;
import org.aapf.domain.common.Timestamps;
import org.aapf.domain.error.AapfException;
import org.aapf.domain.user.Password;
import org.aapf.domain.user.User;
import org.aapf.domain.user.UserId;
import org.aapf.domain.user.Username;

/**
 * Users an embedder authenticates itself: each needs a row but no usable AAPF password, so one is made with a random
 * password nobody is told.
 */
public final class EnsureTrustedUserService implements EnsureTrustedUserUseCase {

    private static final SecureRandom RANDOM = new SecureRandom();

    private final UserRepository users;
    private final PasswordHasher hasher;
    private final Clock clock;

    @Inject
    public EnsureTrustedUserService(UserRepository users, PasswordHasher hasher, Clock clock) {
        this.users = users;
        this.hasher = hasher;
        this.clock = clock;
    }

    @Override
    public UserId ensure(EnsureTrustedUserCommand command) {
        Username username = new Username(command.username());
        Optional<User> existing = users.findByUsername(username);
        if (existing.isPresent()) {
            return existing.get().id();
        }
        User user = User.register(username, hasher.hash(unknowablePassword()), Timestamps.now(clock));
        try {
            users.add(user);
            return user.id();
        } catch (AapfException raced) {
            return users.findByUsername(username).map(User::id).orElseThrow(() -> raced);
        }
    }

    private static Password unknowablePassword() {
        byte[] random = new byte[32];
        RANDOM.nextBytes(random);
        return new Password(Base64.getEncoder().encodeToString(random));
    }
}

package org.aapf.application.service.account;

import java.time.Clock;
import java.util.function.Supplier;
import org.aapf.application.port.out.LoginAttemptRepository;
import org.aapf.application.port.out.PasswordHasher;
import org.aapf.domain.error.AapfException;
import org.aapf.domain.user.Password;
import org.aapf.domain.user.PasswordHash;
import org.aapf.domain.common.Timestamps;

/**
 * Every check of a password against a stored hash (logging in, changing the password, creating an API token): the
 * attempt is counted by the {@link LoginThrottle} before the slow hash runs, and settled after it. A check the
 * hasher refuses (its queue is full) is not counted.
 */
final class ThrottledPasswordCheck {

    private final LoginThrottle throttle;
    private final PasswordHasher hasher;
    private final Clock clock;

    ThrottledPasswordCheck(LoginAttemptRepository attempts, AccountSettings settings, PasswordHasher hasher,
            Clock clock) {
        this.throttle = new LoginThrottle(attempts, settings.throttling());
        this.hasher = hasher;
        this.clock = clock;
    }

    /**
     * True when {@code password} is the one {@code hash} was made from. When the hasher is saturated the check is
     * refused before anything else is done (the stored hash is not even read).
     *
     * @param hash the stored hash, read only once the attempt is counted
     * @throws AapfException {@code THROTTLED} (nothing hashed) while a key is in its backoff, or {@code UNAVAILABLE}
     *     when the hasher is saturated
     */
    boolean matches(LoginThrottle.Keys keys, Password password, Supplier<PasswordHash> hash) {
        if (hasher.saturated()) {
            throw PasswordHasher.saturation();
        }
        LoginThrottle.Reservation reservation = throttle.reserve(keys, Timestamps.now(clock));
        boolean matches;
        try {
            matches = hasher.verify(password, hash.get());
        } catch (RuntimeException notChecked) {
            throttle.release(reservation);
            throw notChecked;
        }
        if (matches) {
            throttle.succeeded(reservation);
        }
        return matches;
    }
}

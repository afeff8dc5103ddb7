package org.aapf.application.service.account;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.aapf.application.port.out.LoginAttemptRepository;
import org.aapf.application.port.out.LoginAttemptRepository.Failures;
import org.aapf.application.service.account.AccountSettings.LoginThrottling;
import org.aapf.domain.error.AapfException;

/**
 * Slows down password guessing per account and per client address. Failures of unknown usernames count like any
 * other, so the throttle says nothing about which accounts exist.
 */
final class LoginThrottle {

    static final String THROTTLED_MESSAGE = "Too many failed login attempts. Please try again later.";

    private final LoginAttemptRepository attempts;
    private final LoginThrottling rules;

    LoginThrottle(LoginAttemptRepository attempts, LoginThrottling rules) {
        this.attempts = attempts;
        this.rules = rules;
    }

    /** The keys one login attempt counts against: the account (when the name is plausible) and the address. */
    record Keys(Optional<String> account, Optional<String> address) {

        static Keys of(Optional<String> username, String clientAddress) {
            Optional<String> address = Optional.ofNullable(clientAddress).filter(a -> !a.isBlank());
            return new Keys(username.map(name -> "user:" + name), address.map(a -> "addr:" + a));
        }
    }

    /** Refuses the attempt with {@code THROTTLED} while either key is in its backoff. Cheap: no hashing happens. */
    void check(Keys keys, Instant now) {
        Duration wait = Duration.ZERO;
        for (Limited limited : limitedKeys(keys)) {
            wait = max(wait, remainingBackoff(limited, now));
        }
        if (wait.isPositive()) {
            throw AapfException.throttled(THROTTLED_MESSAGE, roundUpToSeconds(wait));
        }
    }

    void recordFailure(Keys keys, Instant now) {
        for (Limited limited : limitedKeys(keys)) {
            attempts.recordFailure(limited.key(), now, windowStart(limited.key(), now));
        }
    }

    /**
     * The repository restarts the count when the first failure is older than the window start. Failures should be
     * forgotten only after a quiet {@code window} since the latest one, otherwise a patient guesser would reset the
     * count before the backoff could grow; so a key still in use keeps its own start.
     */
    private Instant windowStart(String key, Instant now) {
        Instant quietSince = now.minus(rules.window());
        return attempts.find(key).filter(failures -> !failures.lastAt().isBefore(quietSince))
                .map(Failures::firstAt).orElse(quietSince);
    }

    void recordSuccess(Keys keys) {
        keys.account().ifPresent(attempts::clear);
    }

    private record Limited(String key, int maxFailures) {
    }

    private List<Limited> limitedKeys(Keys keys) {
        List<Limited> limited = new ArrayList<>(2);
        keys.account().ifPresent(key -> limited.add(new Limited(key, rules.maxAccountFailures())));
        keys.address().ifPresent(key -> limited.add(new Limited(key, rules.maxAddressFailures())));
        return limited;
    }

    private Duration remainingBackoff(Limited limited, Instant now) {
        Optional<Failures> failures = attempts.find(limited.key());
        if (failures.isEmpty() || failures.get().count() < limited.maxFailures()) {
            return Duration.ZERO;
        }
        Instant retryAt = failures.get().lastAt().plus(backoff(failures.get().count() - limited.maxFailures()));
        return now.isBefore(retryAt) ? Duration.between(now, retryAt) : Duration.ZERO;
    }

    /** The initial backoff doubled {@code doublings} times, at most the maximum. */
    Duration backoff(int doublings) {
        Duration backoff = rules.initialBackoff();
        for (int i = 0; i < doublings && backoff.compareTo(rules.maxBackoff()) < 0; i++) {
            backoff = backoff.multipliedBy(2);
        }
        return min(backoff, rules.maxBackoff());
    }

    private static Duration roundUpToSeconds(Duration wait) {
        long seconds = wait.getSeconds() + (wait.getNano() > 0 ? 1 : 0);
        return Duration.ofSeconds(seconds);
    }

    private static Duration max(Duration a, Duration b) {
        return a.compareTo(b) >= 0 ? a : b;
    }

    private static Duration min(Duration a, Duration b) {
        return a.compareTo(b) <= 0 ? a : b;
    }
}

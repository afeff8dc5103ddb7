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
import org.aapf.domain.user.Username;

/**
 * Slows down password guessing per account and per client address. Each attempt is counted before its password is
 * hashed (see {@link #reserve}), so concurrent guesses cannot slip past the limit. Failures of unknown usernames
 * count like any other, so the throttle says nothing about which accounts exist.
 */
final class LoginThrottle {

    static final String THROTTLED_MESSAGE = "Too many failed login attempts. Please try again later.";
    /** The wait asked of an attempt refused only because as many others were being checked at that moment. */
    static final Duration RACED_RETRY_AFTER = Duration.ofSeconds(1);

    private final LoginAttemptRepository attempts;
    private final LoginThrottling rules;

    LoginThrottle(LoginAttemptRepository attempts, LoginThrottling rules) {
        this.attempts = attempts;
        this.rules = rules;
    }

    /**
     * The keys one password check counts against: the account (when the name is plausible, by its
     * {@link Username#key()}, so 'Alice' and 'alice' count together) and the client address (when known).
     */
    record Keys(Optional<String> account, Optional<String> address) {

        static Keys of(Optional<Username> username, String clientAddress) {
            Optional<String> address = Optional.ofNullable(clientAddress).filter(a -> !a.isBlank());
            return new Keys(username.map(name -> "user:" + name.key()), address.map(a -> "addr:" + a));
        }

        /** The account only: checks by a caller already logged in (changing the password, creating API tokens). */
        static Keys account(Username username) {
            return of(Optional.of(username), null);
        }
    }

    /**
     * Counts the attempt against every key before any hashing is done, so that a burst of concurrent attempts is
     * counted as it arrives: at most the threshold's number of them get through, the rest are refused with
     * {@code THROTTLED}. An attempt that passes is a failure until {@link #succeeded} or {@link #release} says
     * otherwise.
     */
    Reservation reserve(Keys keys, Instant now) {
        List<String> reserved = new ArrayList<>(2);
        try {
            for (Limited limited : limitedKeys(keys)) {
                reserveOne(limited, now);
                reserved.add(limited.key());
            }
        } catch (AapfException throttled) {
            reserved.forEach(attempts::release);
            throw throttled;
        }
        return new Reservation(keys, reserved);
    }

    /**
     * Refuses while the key is in its backoff; otherwise counts one failure. Attempts racing past the check are told
     * apart by the count they got: the one that counted right after the state it checked may go on (the check held),
     * a later one over the limit arrived when the key was already in backoff, and is taken back and refused.
     */
    private void reserveOne(Limited limited, Instant now) {
        Optional<Failures> seen = attempts.find(limited.key());
        Duration wait = remainingBackoff(seen, limited, now);
        if (wait.isPositive()) {
            throw throttled(wait);
        }
        int seenCount = seen.filter(failures -> !isForgotten(failures, now)).map(Failures::count).orElse(0);
        Failures counted = attempts.recordFailure(limited.key(), now, windowStart(seen, now));
        if (counted.count() > limited.maxFailures() && counted.count() != seenCount + 1) {
            attempts.release(limited.key());
            // the attempts ahead may still turn out right (several logins of one script at once): ask for a moment
            throw throttled(RACED_RETRY_AFTER);
        }
    }

    /** The password matched: the account's failures are forgotten, the address's reserved attempt taken back. */
    void succeeded(Reservation reservation) {
        reservation.keys().account().ifPresent(attempts::clear);
        reservation.keys().address().filter(reservation.reserved()::contains).ifPresent(attempts::release);
    }

    /** The attempt was not decided (the password was never checked): every reserved count is taken back. */
    void release(Reservation reservation) {
        reservation.reserved().forEach(attempts::release);
    }

    /** The keys one attempt was counted against, to be settled once the password is checked. */
    record Reservation(Keys keys, List<String> reserved) {
    }

    private static AapfException throttled(Duration wait) {
        return AapfException.throttled(THROTTLED_MESSAGE, roundUpToSeconds(wait));
    }

    /**
     * The repository restarts the count when the first failure is older than the window start. Failures should be
     * forgotten only after a quiet {@code window} since the latest one, otherwise a patient guesser would reset the
     * count before the backoff could grow; so a key still in use keeps its own start.
     */
    private Instant windowStart(Optional<Failures> seen, Instant now) {
        Instant quietSince = now.minus(rules.window());
        return seen.filter(failures -> !isForgotten(failures, now)).map(Failures::firstAt).orElse(quietSince);
    }

    /** True when the key has been quiet for a whole window: its next failure starts a new count. */
    private boolean isForgotten(Failures failures, Instant now) {
        return failures.lastAt().isBefore(now.minus(rules.window()));
    }

    private record Limited(String key, int maxFailures) {
    }

    private List<Limited> limitedKeys(Keys keys) {
        List<Limited> limited = new ArrayList<>(2);
        keys.account().ifPresent(key -> limited.add(new Limited(key, rules.maxAccountFailures())));
        keys.address().ifPresent(key -> limited.add(new Limited(key, rules.maxAddressFailures())));
        return limited;
    }

    private Duration remainingBackoff(Optional<Failures> failures, Limited limited, Instant now) {
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

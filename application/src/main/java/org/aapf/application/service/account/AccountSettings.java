package org.aapf.application.service.account;

import java.time.Duration;
import java.util.Objects;

/**
 * Lifetimes of login tokens and the rules that slow down password guessing.
 *
 * @param accessTokenTtl how long an access token is valid
 * @param refreshTokenTtl how long a login session (and its refresh token) lasts
 * @param throttling limits on failed logins
 */
public record AccountSettings(Duration accessTokenTtl, Duration refreshTokenTtl, LoginThrottling throttling) {

    public AccountSettings {
        requirePositive("accessTokenTtl", accessTokenTtl);
        requirePositive("refreshTokenTtl", refreshTokenTtl);
        Objects.requireNonNull(throttling, "'throttling' must not be null");
        if (refreshTokenTtl.compareTo(accessTokenTtl) < 0) {
            throw new IllegalArgumentException("'refreshTokenTtl' must not be shorter than 'accessTokenTtl'");
        }
    }

    /** Access tokens for 1 hour, sessions for 30 days, {@link LoginThrottling#defaults()}. */
    public static AccountSettings defaults() {
        return new AccountSettings(Duration.ofHours(1), Duration.ofDays(30), LoginThrottling.defaults());
    }

    /**
     * How failed logins are throttled. Once a key (an account or a client address) has {@code maxFailures} failures
     * within {@code window}, each further attempt must wait {@code initialBackoff}, doubled for every extra failure,
     * at most {@code maxBackoff}, counted from the latest failure.
     *
     * @param maxAccountFailures failures per account before attempts are delayed
     * @param maxAddressFailures failures per client address before attempts are delayed
     * @param window how long failures are remembered when no new one arrives
     * @param initialBackoff the first delay
     * @param maxBackoff the longest delay
     */
    public record LoginThrottling(int maxAccountFailures, int maxAddressFailures, Duration window,
            Duration initialBackoff, Duration maxBackoff) {

        public LoginThrottling {
            if (maxAccountFailures < 1) {
                throw new IllegalArgumentException("'maxAccountFailures' must be >= 1");
            }
            if (maxAddressFailures < 1) {
                throw new IllegalArgumentException("'maxAddressFailures' must be >= 1");
            }
            requirePositive("window", window);
            requirePositive("initialBackoff", initialBackoff);
            requirePositive("maxBackoff", maxBackoff);
            if (maxBackoff.compareTo(initialBackoff) < 0) {
                throw new IllegalArgumentException("'maxBackoff' must not be shorter than 'initialBackoff'");
            }
        }

        /** 5 failures per account or 20 per address in 15 minutes, then 30 s doubling up to 15 minutes. */
        public static LoginThrottling defaults() {
            return new LoginThrottling(5, 20, Duration.ofMinutes(15), Duration.ofSeconds(30), Duration.ofMinutes(15));
        }
    }

    private static void requirePositive(String field, Duration value) {
        Objects.requireNonNull(value, "'" + field + "' must not be null");
        if (value.isNegative() || value.isZero()) {
            throw new IllegalArgumentException("'" + field + "' must be > 0");
        }
    }
}

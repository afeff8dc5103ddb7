package org.aapf.application.service.account;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.time.Duration;
import org.aapf.application.service.account.AccountSettings.LoginThrottling;
import org.junit.jupiter.api.Test;

class AccountSettingsTest {

    @Test
    void defaults_areOneHourAccessThirtyDaySessionsAndOwaspStyleThrottling() {
        AccountSettings settings = AccountSettings.defaults();

        assertEquals(Duration.ofHours(1), settings.accessTokenTtl());
        assertEquals(Duration.ofDays(30), settings.refreshTokenTtl());
        assertEquals(new LoginThrottling(5, 20, Duration.ofMinutes(15), Duration.ofSeconds(30), Duration.ofMinutes(15)),
                settings.throttling());
    }

    @Test
    void nonPositiveLifetimes_areRefusedNamingTheField() {
        IllegalArgumentException error = assertThrows(IllegalArgumentException.class,
                () -> new AccountSettings(Duration.ZERO, Duration.ofDays(1), LoginThrottling.defaults()));

        assertEquals("'accessTokenTtl' must be > 0", error.getMessage());
    }

    @Test
    void refreshShorterThanAccess_isRefused() {
        assertThrows(IllegalArgumentException.class,
                () -> new AccountSettings(Duration.ofHours(2), Duration.ofHours(1), LoginThrottling.defaults()));
    }

    @Test
    void badThrottling_isRefusedNamingTheField() {
        IllegalArgumentException error = assertThrows(IllegalArgumentException.class,
                () -> new LoginThrottling(0, 20, Duration.ofMinutes(15), Duration.ofSeconds(30), Duration.ofMinutes(15)));
        assertEquals("'maxAccountFailures' must be >= 1", error.getMessage());

        assertThrows(IllegalArgumentException.class,
                () -> new LoginThrottling(5, 20, Duration.ofMinutes(15), Duration.ofMinutes(30), Duration.ofMinutes(15)));
    }
}

package org.aapf.application.service.idle;

import static org.aapf.application.service.idle.IdlePolicy.Verdict.KEEP;
import static org.aapf.application.service.idle.IdlePolicy.Verdict.STOP_IDLE;
import static org.aapf.application.service.idle.IdlePolicy.Verdict.STOP_LIFETIME;
import static org.aapf.application.service.idle.IdlePolicy.Verdict.WARN_IDLE;
import static org.aapf.application.service.idle.IdlePolicy.Verdict.WARN_LIFETIME;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class IdlePolicyTest {

    private static final Instant T0 = Instant.parse("2026-12-04T12:00:00Z");
    private final IdlePolicy hour = new IdlePolicy(IdleSettings.defaults());

    @Test
    void keepsUntilTheWarningFiveMinutesBeforeAnHourOfIdleness_thenStops() {
        assertEquals(KEEP, hour.decide(T0, Optional.empty(), T0.plus(Duration.ofMinutes(54)), false));
        assertEquals(WARN_IDLE, hour.decide(T0, Optional.empty(), T0.plus(Duration.ofMinutes(55)), false));
        assertEquals(KEEP, hour.decide(T0, Optional.empty(), T0.plus(Duration.ofMinutes(56)), true));
        assertEquals(STOP_IDLE, hour.decide(T0, Optional.empty(), T0.plus(Duration.ofMinutes(60)), true));
    }

    @Test
    void shortTimeoutsWarnAQuarterBefore() {
        IdlePolicy twenty = new IdlePolicy(new IdleSettings(Duration.ofSeconds(20), Optional.empty()));

        assertEquals(KEEP, twenty.decide(T0, Optional.empty(), T0.plusSeconds(14), false));
        assertEquals(WARN_IDLE, twenty.decide(T0, Optional.empty(), T0.plusSeconds(15), false));
        assertEquals(STOP_IDLE, twenty.decide(T0, Optional.empty(), T0.plusSeconds(20), true));
    }

    @Test
    void zeroTimeoutNeverStopsForIdleness() {
        IdlePolicy off = new IdlePolicy(IdleSettings.off());

        assertEquals(KEEP, off.decide(T0, Optional.of(T0), T0.plus(Duration.ofDays(30)), false));
    }

    @Test
    void maxLifetimeStopsEvenABusyNotebook() {
        IdlePolicy lifetime = new IdlePolicy(new IdleSettings(Duration.ZERO, Optional.of(Duration.ofHours(8))));
        Instant now = T0.plus(Duration.ofHours(8));

        assertEquals(WARN_LIFETIME, lifetime.decide(now, Optional.of(T0), now.minus(Duration.ofMinutes(4)), false));
        assertEquals(STOP_LIFETIME, lifetime.decide(now, Optional.of(T0), now, true));
    }

    @Test
    void checkIntervalIsAnEighthOfTheTimeoutWithinOneToThirtySeconds() {
        assertEquals(Duration.ofSeconds(30), IdleSettings.defaults().checkInterval());
        assertEquals(Duration.ofMillis(2500), new IdleSettings(Duration.ofSeconds(20), Optional.empty())
                .checkInterval());
        assertEquals(Duration.ofSeconds(1), new IdleSettings(Duration.ofSeconds(2), Optional.empty())
                .checkInterval());
    }

    @Test
    void durationsReadAsPeopleSayThem() {
        assertEquals("45 s", IdlePolicy.describe(Duration.ofSeconds(45)));
        assertEquals("4 min 30 s", IdlePolicy.describe(Duration.ofSeconds(270)));
        assertEquals("1 h", IdlePolicy.describe(Duration.ofHours(1)));
        assertEquals("2 h 5 min", IdlePolicy.describe(Duration.ofMinutes(125)));
    }
}

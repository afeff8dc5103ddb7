package org.aapf.application.service.cluster;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Duration;
import org.junit.jupiter.api.Test;

/** The loop's sleeps leave room to renew the lease, whatever its ttl. */
class ReconcilerSettingsTest {

    @Test
    void withTheDefaultLease_theLoopSleepsItsConfiguredIntervals() {
        ReconcilerSettings settings = ReconcilerSettings.defaults();

        assertEquals(Duration.ofSeconds(2), settings.busyWait());
        assertEquals(Duration.ofSeconds(20), settings.idleWait());
    }

    @Test
    void withAShortLease_noSleepIsLongerThanAThirdOfIt() {
        ReconcilerSettings settings = ReconcilerSettings.defaults().withLeaseTtl(Duration.ofMillis(1500));

        assertEquals(Duration.ofMillis(500), settings.busyWait());
        assertEquals(Duration.ofMillis(500), settings.idleWait());
        assertEquals(Duration.ofMillis(1500), settings.leaseTtl());
    }
}

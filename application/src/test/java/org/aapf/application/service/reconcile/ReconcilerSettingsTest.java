package org.aapf.application.service.reconcile;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import java.time.Duration;
import org.junit.jupiter.api.Test;

/** The defaults: passes as configured, a lease short enough for a take-over within 15 s of a leader's death. */
class ReconcilerSettingsTest {

    @Test
    void defaults_resyncEvery30s_passEvery2sWhileBusy_leaseFor10s() {
        ReconcilerSettings settings = ReconcilerSettings.defaults();

        assertEquals(Duration.ofSeconds(30), settings.resyncInterval());
        assertEquals(Duration.ofSeconds(2), settings.busyInterval());
        assertEquals(Duration.ofSeconds(10), settings.leaseTtl());
    }

    @Test
    void everyDefaultSettingsHasItsOwnHolder_andOtherLeaseTtlsKeepTheRest() {
        ReconcilerSettings settings = ReconcilerSettings.defaults();
        ReconcilerSettings shorter = settings.withLeaseTtl(Duration.ofMillis(1500));

        assertNotEquals(settings.holderId(), ReconcilerSettings.defaults().holderId());
        assertEquals(Duration.ofMillis(1500), shorter.leaseTtl());
        assertEquals(settings.withLeaseTtl(settings.leaseTtl()), settings);
        assertEquals(settings.holderId(), shorter.holderId());
    }
}

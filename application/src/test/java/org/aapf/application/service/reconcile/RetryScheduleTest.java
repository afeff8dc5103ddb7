package org.aapf.application.service.reconcile;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.aapf.application.port.out.InstanceRef;
import org.aapf.application.service.reconcile.ConvergeResult.Next;
import org.aapf.application.service.reconcile.ConvergeResult.Sighting;
import org.aapf.application.testing.ManualClock;
import org.aapf.domain.cluster.ClusterId;
import org.aapf.domain.cluster.ServiceKind;
import org.junit.jupiter.api.Test;

/** The schedule turns the values convergence returns into backoffs, restart clocks and the loop's next wait. */
class RetryScheduleTest {

    private final ManualClock clock = ManualClock.atSomeMoment();
    private final ReconcilerSettings settings = ReconcilerSettings.defaults();
    private final RetrySchedule schedule = new RetrySchedule(settings, clock);
    private final ClusterId cluster = ClusterId.random();
    private final InstanceRef notebook = new InstanceRef(cluster, ServiceKind.JUPYTER_NOTEBOOK, 1);

    @Test
    void aQuietPass_waitsForTheResync_aBusyOne_forTheBusyInterval() {
        assertEquals(settings.resyncInterval(), schedule.untilNextPass(false));
        assertEquals(settings.busyInterval(), schedule.untilNextPass(true));
    }

    @Test
    void aRetry_backsTheClusterOff_andWakesTheLoopWhenTheBackoffEnds() {
        Instant now = clock.instant();
        schedule.record(cluster, result(Next.RETRY, Map.of(), List.of(), Optional.empty()), now);

        assertFalse(schedule.mayAct(cluster, now));
        assertEquals(settings.backoffBase(), schedule.untilNextPass(false));
        clock.advance(settings.backoffBase());
        assertTrue(schedule.mayAct(cluster, clock.instant()));

        schedule.record(cluster, result(Next.SETTLED, Map.of(), List.of(), Optional.empty()), clock.instant());
        assertEquals(settings.resyncInterval(), schedule.untilNextPass(false));
    }

    @Test
    void anEarlyLook_isAskedForOnce() {
        Duration soon = Duration.ofMillis(250);
        schedule.record(cluster, result(Next.PROGRESSING, Map.of(), List.of(), Optional.of(soon)), clock.instant());

        assertEquals(soon, schedule.untilNextPass(true));
        assertEquals(settings.busyInterval(), schedule.untilNextPass(true));
    }

    @Test
    void aFailedInstance_isDueAfterTheRestartDelay_andEachReplacementCounts() {
        schedule.record(cluster, result(Next.SETTLED, Map.of(notebook, Sighting.FAILED), List.of(), Optional.empty()),
                clock.instant());
        assertFalse(schedule.restartDue(notebook, clock.instant()));
        assertEquals(settings.restartDelay(), schedule.untilNextPass(false));

        clock.advance(settings.restartDelay());
        assertTrue(schedule.restartDue(notebook, clock.instant()));
        schedule.record(cluster, result(Next.PROGRESSING, Map.of(notebook, Sighting.FAILED), List.of(notebook),
                Optional.empty()), clock.instant());

        assertEquals(1, schedule.restartsSoFar(notebook));
        assertFalse(schedule.restartDue(notebook, clock.instant()), "the replacement is not failed");
    }

    private static ConvergeResult result(Next next, Map<InstanceRef, Sighting> sightings, List<InstanceRef> replaced,
            Optional<Duration> rescheduleAfter) {
        return new ConvergeResult(next, false, 0, 0, 0, rescheduleAfter, sightings, replaced);
    }
}

package org.aapf.application.service.cluster;

import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;

/** Reads the clock at the precision the API and the database keep (microseconds). */
final class Timestamps {

    private Timestamps() {
    }

    static Instant now(Clock clock) {
        return clock.instant().truncatedTo(ChronoUnit.MICROS);
    }
}

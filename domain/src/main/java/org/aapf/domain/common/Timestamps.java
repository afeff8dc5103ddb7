package org.aapf.domain.common;

import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;

/** Reads the clock at the precision the API and the database keep (microseconds). */
public final class Timestamps {

    private Timestamps() {
    }

    /** The clock's instant with the digits below the microsecond dropped. */
    public static Instant now(Clock clock) {
        return clock.instant().truncatedTo(ChronoUnit.MICROS);
    }
}

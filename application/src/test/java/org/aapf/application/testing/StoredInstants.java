package org.aapf.application.testing;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Optional;

/** What the database keeps of an instant (microseconds), so that the in-memory repositories keep the same. */
final class StoredInstants {

    private StoredInstants() {
    }

    static Instant stored(Instant instant) {
        return instant.truncatedTo(ChronoUnit.MICROS);
    }

    static Optional<Instant> stored(Optional<Instant> instant) {
        return instant.map(StoredInstants::stored);
    }
}

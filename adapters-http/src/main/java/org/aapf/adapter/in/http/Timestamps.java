package org.aapf.adapter.in.http;

import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.Objects;

/** Writes instants as the API shows them: ISO-8601 with microseconds and a numeric offset ({@code +00:00}, never {@code Z}). */
final class Timestamps {

    private static final DateTimeFormatter FORMAT = DateTimeFormatter.ofPattern("uuuu-MM-dd'T'HH:mm:ss.SSSSSSxxx");

    private final ZoneId zone;

    Timestamps(ZoneId zone) {
        this.zone = Objects.requireNonNull(zone, "'zone' must not be null");
    }

    /** For example {@code 2017-08-01T01:55:59.474387+09:00}; digits below the microsecond are dropped. */
    String format(Instant instant) {
        return FORMAT.format(instant.atZone(zone));
    }
}

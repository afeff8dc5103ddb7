package org.aapf.adapter.out.persistence;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;

/**
 * Converts instants to and from {@code TIMESTAMP WITH TIME ZONE} columns: written in UTC and truncated to
 * microseconds, the finest precision both H2 and PostgreSQL keep, so a value reads back exactly as written.
 */
final class UtcTimes {

    private UtcTimes() {
    }

    static OffsetDateTime toColumn(Instant instant) {
        if (instant == null) {
            return null;
        }
        return OffsetDateTime.ofInstant(instant.truncatedTo(ChronoUnit.MICROS), ZoneOffset.UTC);
    }

    static Instant toInstant(OffsetDateTime column) {
        return column == null ? null : column.toInstant();
    }
}

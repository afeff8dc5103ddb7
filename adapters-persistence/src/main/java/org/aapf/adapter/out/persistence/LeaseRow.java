package org.aapf.adapter.out.persistence;

import java.time.Duration;
import java.time.OffsetDateTime;

/** The {@code reconciler_lease} row; {@code holder} is null while the lease is free. */
record LeaseRow(String holder, long epoch, OffsetDateTime expiresAt) {

    /** The row's holder and expiry with the database's time of the same read. */
    record Remaining(String holder, OffsetDateTime expiresAt, OffsetDateTime databaseNow) {

        /** What remains of the lease by the database's clock; zero when it is free or lapsed. */
        Duration duration() {
            if (holder == null || !expiresAt.isAfter(databaseNow)) {
                return Duration.ZERO;
            }
            return Duration.between(databaseNow, expiresAt);
        }
    }
}

package org.aapf.adapter.out.persistence;

import java.time.OffsetDateTime;

/** The {@code reconciler_lease} row; {@code holder} is null while the lease is free. */
record LeaseRow(String holder, long epoch, OffsetDateTime expiresAt) {
}

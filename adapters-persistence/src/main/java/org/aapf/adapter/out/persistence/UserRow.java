package org.aapf.adapter.out.persistence;

import java.time.OffsetDateTime;

/** One row of {@code users}. */
record UserRow(String id, String username, String passwordHash, OffsetDateTime createdAt,
        OffsetDateTime passwordChangedAt) {
}

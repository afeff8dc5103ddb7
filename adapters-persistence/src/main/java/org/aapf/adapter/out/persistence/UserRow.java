package org.aapf.adapter.out.persistence;

import java.time.OffsetDateTime;

/** One row of {@code users} (public for Jdbi's method binding). */
public record UserRow(String id, String username, String passwordHash, OffsetDateTime createdAt,
        OffsetDateTime passwordChangedAt, boolean admin, String externalIssuer, String externalSubject,
        String providerGroups) {
}

package org.aapf.adapter.out.persistence;

import java.time.OffsetDateTime;

/** One row of {@code sessions}; {@code revokedAt} is null while the session was not revoked. */
record SessionRow(String id, String userId, OffsetDateTime createdAt, OffsetDateTime expiresAt,
        OffsetDateTime revokedAt) {
}

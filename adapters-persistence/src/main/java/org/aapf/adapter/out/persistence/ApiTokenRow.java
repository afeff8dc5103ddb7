package org.aapf.adapter.out.persistence;

import java.time.OffsetDateTime;

/** One row of {@code api_tokens}; {@code lastUsedAt} is null until the token is first used. */
record ApiTokenRow(String id, String userId, String name, String digest, OffsetDateTime createdAt,
        OffsetDateTime lastUsedAt) {
}

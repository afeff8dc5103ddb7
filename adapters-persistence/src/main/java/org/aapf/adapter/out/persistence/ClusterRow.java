package org.aapf.adapter.out.persistence;

import java.time.OffsetDateTime;

/**
 * One row of {@code clusters}; {@code retiredRuntimeId} may be null. Public only because Jdbi's {@code @BindMethods}
 * binds the accessors of public types.
 */
public record ClusterRow(String id, String ownerId, String name, OffsetDateTime createdAt, String status,
        long version, String runtimeId, String retiredRuntimeId) {
}

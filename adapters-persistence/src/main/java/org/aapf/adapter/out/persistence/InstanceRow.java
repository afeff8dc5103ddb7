package org.aapf.adapter.out.persistence;

import java.time.OffsetDateTime;
import java.util.Objects;

/**
 * One row of {@code instances}; {@code health}, {@code proxyId} and {@code jupyterToken} may be null. Public only
 * because Jdbi's {@code @BindMethods} binds the accessors of public types.
 */
public record InstanceRow(String clusterId, String service, int instanceIndex, String status, String health,
        OffsetDateTime createdAt, OffsetDateTime updatedAt, String proxyId, String jupyterToken) {

    InstanceKey key() {
        return new InstanceKey(clusterId, service, instanceIndex);
    }

    /** True when status, health and update time are the same (times compared as instants). */
    boolean sameStateAs(InstanceRow other) {
        return status.equals(other.status) && Objects.equals(health, other.health)
                && updatedAt.toInstant().equals(other.updatedAt.toInstant());
    }
}

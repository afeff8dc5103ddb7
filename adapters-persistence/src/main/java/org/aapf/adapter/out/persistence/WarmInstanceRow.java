package org.aapf.adapter.out.persistence;

import java.time.OffsetDateTime;

/** One row of {@code warm_instances}; {@code readyAt} and {@code claimedAt} may be null. */
record WarmInstanceRow(String id, String pool, String image, String perfType, String proxyId, String jupyterToken,
        OffsetDateTime createdAt, OffsetDateTime readyAt, OffsetDateTime claimedAt) {
}

package org.aapf.adapter.out.persistence;

import java.time.OffsetDateTime;

/**
 * One row of {@code cluster_events} (without its id, which only orders the rows). Public only because Jdbi's {@code
 * @BindMethods} binds the accessors of public types.
 */
public record ClusterEventRow(String clusterId, OffsetDateTime occurredAt, String eventType, String message) {
}

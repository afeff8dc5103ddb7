package org.aapf.adapter.out.persistence;

import java.time.OffsetDateTime;

/** One row of {@code cluster_events} (without its id, which only orders the rows). */
record ClusterEventRow(String clusterId, OffsetDateTime occurredAt, String eventType, String message) {
}

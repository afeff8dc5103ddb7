package org.aapf.adapter.out.persistence;

import java.time.OffsetDateTime;

/** One row of {@code clusters}. */
record ClusterRow(String id, String ownerId, String name, OffsetDateTime createdAt, String status, long version) {
}

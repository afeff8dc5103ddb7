package org.aapf.adapter.out.persistence;

/** The primary key of an {@code instances} row, also naming the instance an {@code instance_alerts} row belongs to. */
record InstanceKey(String clusterId, String service, int instanceIndex) {
}

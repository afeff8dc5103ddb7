package org.aapf.adapter.out.persistence;

/**
 * The primary key of an {@code instances} row, also naming the instance an {@code instance_alerts} row belongs to.
 * Public only because Jdbi's {@code @BindMethods} binds the accessors of public types.
 */
public record InstanceKey(String clusterId, String service, int instanceIndex) {
}

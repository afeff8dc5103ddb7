package org.aapf.adapter.out.persistence;

/**
 * One row of {@code cluster_services}: what the owner asked for one service of a cluster. Public only because Jdbi's
 * {@code @BindMethods} binds the accessors of public types.
 */
public record ServiceRow(String clusterId, String service, String imageRepository, String perfType, int instanceCount) {
}

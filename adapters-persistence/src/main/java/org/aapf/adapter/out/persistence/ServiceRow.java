package org.aapf.adapter.out.persistence;

/** One row of {@code cluster_services}: what the owner asked for one service of a cluster. */
record ServiceRow(String clusterId, String service, String imageRepository, String perfType, int instanceCount) {
}

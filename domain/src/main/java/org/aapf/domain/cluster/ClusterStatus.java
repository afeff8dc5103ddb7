package org.aapf.domain.cluster;

import java.util.Arrays;
import java.util.Optional;

/** Where an AACluster is in its life, as the API reports it. */
public enum ClusterStatus {
    /** Accepted; not every instance is ready yet. */
    CREATING("creating"),
    /** Every requested instance is ready. */
    CREATED("created"),
    /** The owner asked for deletion; the cluster disappears once the backend holds nothing of it. */
    DELETING("deleting"),
    /** An instance failed; the service's alerts say why. */
    ERROR("error"),
    /** The owner asked to stop the cluster; its instances are being removed, its spec and workspace stay. */
    STOPPING("stopping"),
    /** No instance runs; spec, workspace and notebook address are kept until the owner starts it again. */
    STOPPED("stopped");

    private final String apiName;

    ClusterStatus(String apiName) {
        this.apiName = apiName;
    }

    public String apiName() {
        return apiName;
    }

    public static Optional<ClusterStatus> fromApiName(String name) {
        return Arrays.stream(values()).filter(status -> status.apiName.equals(name)).findFirst();
    }
}

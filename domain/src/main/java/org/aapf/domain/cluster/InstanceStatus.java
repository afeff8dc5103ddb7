package org.aapf.domain.cluster;

import java.util.Arrays;
import java.util.Optional;

/** Where one instance is in its life, as the API reports it. */
public enum InstanceStatus {
    /** Not running yet: not created on the backend, or accepted and pending (image pull, scheduling). */
    CREATING("creating"),
    /** Running; its health check has not passed yet. */
    STARTING("starting"),
    /** Running and healthy. */
    READY("ready"),
    /** Exited, crashed, killed or cannot start; the alerts say why. */
    FAILED("failed"),
    /** Its cluster is being deleted. */
    DELETING("deleting"),
    /** Its cluster is being stopped: the instance is being removed. */
    STOPPING("stopping"),
    /** Its cluster is stopped: nothing runs; starting the cluster creates the instance again. */
    STOPPED("stopped");

    private final String apiName;

    InstanceStatus(String apiName) {
        this.apiName = apiName;
    }

    public String apiName() {
        return apiName;
    }

    public static Optional<InstanceStatus> fromApiName(String name) {
        return Arrays.stream(values()).filter(status -> status.apiName.equals(name)).findFirst();
    }
}

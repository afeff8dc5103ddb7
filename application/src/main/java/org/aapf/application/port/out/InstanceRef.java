package org.aapf.application.port.out;

import java.util.Objects;
import org.aapf.domain.cluster.ClusterId;
import org.aapf.domain.cluster.ServiceKind;

/** Names one instance of one service of one cluster; backends derive object names from it. Index starts at 1. */
public record InstanceRef(ClusterId cluster, ServiceKind service, int index) {

    public InstanceRef {
        Objects.requireNonNull(cluster, "'cluster' must not be null");
        Objects.requireNonNull(service, "'service' must not be null");
        if (index < 1) {
            throw new IllegalArgumentException("'index' must be >= 1");
        }
    }
}

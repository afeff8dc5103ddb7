package org.aapf.domain.cluster;

import java.util.Objects;
import java.util.Optional;

/**
 * The ids a cluster's backend objects are named from: {@code id} for what runs now (the cluster's own id, or the id of
 * the warm instance it was started on) and {@code retired} for a previous runtime whose workspace is still to go.
 */
public record RuntimeIds(ClusterId id, Optional<ClusterId> retired) {

    public RuntimeIds {
        Objects.requireNonNull(id, "'id' must not be null");
        Objects.requireNonNull(retired, "'retired' must not be null");
        if (retired.filter(id::equals).isPresent()) {
            throw new IllegalArgumentException("'retired' must differ from 'id'");
        }
    }

    /** The runtime of a cluster that runs under its own id. */
    public static RuntimeIds of(ClusterId id) {
        return new RuntimeIds(id, Optional.empty());
    }
}

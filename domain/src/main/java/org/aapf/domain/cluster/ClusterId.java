package org.aapf.domain.cluster;

import java.util.Objects;
import java.util.UUID;

/** Identifies an AACluster; backends derive every resource name from it, never from the user's cluster name. */
public record ClusterId(UUID value) {

    public ClusterId {
        Objects.requireNonNull(value, "'clusterId' must not be null");
    }

    public static ClusterId random() {
        return new ClusterId(UUID.randomUUID());
    }

    public static ClusterId parse(String text) {
        return new ClusterId(UUID.fromString(text));
    }

    @Override
    public String toString() {
        return value.toString();
    }
}

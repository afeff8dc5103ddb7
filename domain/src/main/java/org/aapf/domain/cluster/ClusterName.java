package org.aapf.domain.cluster;

import org.aapf.domain.common.DisplayName;

/** The name a user gives an AACluster; unique per user, never used in backend object names. */
public record ClusterName(String value) implements Comparable<ClusterName> {

    public ClusterName {
        DisplayName.require("nameOfAACluster", value);
    }

    @Override
    public int compareTo(ClusterName other) {
        return value.compareTo(other.value);
    }

    @Override
    public String toString() {
        return value;
    }
}

package org.aapf.domain.cluster;

import org.aapf.domain.common.DisplayName;

/** The name a user gives an AACluster; unique per user, never used in backend object names. */
public record ClusterName(String value) implements Comparable<ClusterName> {

    private static final String FIELD = "nameOfAACluster";

    public ClusterName {
        DisplayName.require(FIELD, value);
    }

    @Override
    public int compareTo(ClusterName other) {
        return value.compareTo(other.value);
    }

    /** The name a user chooses for a new cluster: also held to the rules {@link DisplayName#requireNew} adds. */
    public static ClusterName chosen(String value) {
        return new ClusterName(DisplayName.requireNew(FIELD, value));
    }

    @Override
    public String toString() {
        return value;
    }
}

package org.aapf.domain.cluster;

import java.time.Instant;
import java.util.Arrays;
import java.util.Objects;
import java.util.Optional;

/** One entry of an AACluster's history, as listed by {@code GET /aaclusters/{name}/events}. */
public record ClusterEvent(ClusterId cluster, Instant at, Type type, String message) {

    public ClusterEvent {
        Objects.requireNonNull(cluster, "'cluster' must not be null");
        Objects.requireNonNull(at, "'at' must not be null");
        Objects.requireNonNull(type, "'type' must not be null");
        Objects.requireNonNull(message, "'message' must not be null");
    }

    /** What happened. */
    public enum Type {
        /** The owner asked for the cluster. */
        REQUESTED("requested"),
        /** Every requested instance became ready: the cluster's status became {@code created}. */
        CREATED("created"),
        /** An instance is running (its status became {@code starting}). */
        STARTED("started"),
        /** An instance passed its health check (its status became {@code ready}). */
        READY("ready"),
        /** An instance failed, or the backend refused to create it; the message says why. */
        FAILED("failed"),
        /** A failed instance is being replaced by a new one; the message says why it failed and how often. */
        RESTARTED("restarted"),
        /** The owner asked for deletion. */
        DELETING("deleting"),
        /** The backend holds nothing of the cluster any more; it is gone. */
        DELETED("deleted"),
        /** The owner asked to stop the cluster. */
        STOPPING("stopping"),
        /** Every instance of the cluster was removed; its spec and workspace are kept. */
        STOPPED("stopped"),
        /** The owner asked to start the stopped cluster again. */
        STARTING("starting"),
        /**
         * The cluster's notebook showed no activity for a while: a warning before the idle shutdown stops it, or the
         * reason it is stopped (followed by {@code stopping}).
         */
        IDLE("idle");

        private final String apiName;

        Type(String apiName) {
            this.apiName = apiName;
        }

        public String apiName() {
            return apiName;
        }

        public static Optional<Type> fromApiName(String name) {
            return Arrays.stream(values()).filter(type -> type.apiName.equals(name)).findFirst();
        }
    }
}

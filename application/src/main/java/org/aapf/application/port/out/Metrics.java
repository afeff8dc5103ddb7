package org.aapf.application.port.out;

import java.time.Duration;
import java.util.Map;
import java.util.Objects;
import org.aapf.domain.cluster.ClusterStatus;
import org.aapf.domain.cluster.InstanceStatus;
import org.aapf.domain.error.ErrorReason;

/**
 * What the application reports to its operators' monitoring: logins, reconcile passes, backend failures, cluster
 * start-up times (the HTTP adapter reports requests and proxied traffic through its own interface). Callers report facts; the implementation decides how to count them (e.g.
 * Prometheus series). Implementations must be cheap, thread-safe and never throw. Every method does nothing by
 * default, so a component without monitoring can use {@link #none()}.
 */
public interface Metrics {

    /** How a login attempt ended. */
    enum LoginOutcome { SUCCEEDED, FAILED, THROTTLED }

    /** A login attempt ended. */
    default void login(LoginOutcome outcome) {
    }

    /** A reconcile pass ended (also on servers that do not hold the lease and so did nothing). */
    default void reconcilePass(ReconcilePass pass) {
    }

    /** The clusters the last pass saw, counted by status, and their instances by status. */
    default void census(Map<ClusterStatus, Integer> clusters, Map<InstanceStatus, Integer> instances) {
    }

    /** A backend call failed; {@code operation} is the port method's name, e.g. {@code apply}. */
    default void backendCallFailed(String operation, ErrorReason reason) {
    }

    /** A cluster became ready for the first time, {@code sinceCreated} after it was accepted. */
    default void clusterReady(Duration sinceCreated) {
    }

    /** Monitoring that records nothing. */
    static Metrics none() {
        return NoMetrics.INSTANCE;
    }

    /**
     * What one reconcile pass did.
     *
     * @param took how long the pass ran
     * @param leader false when another server holds the lease (nothing was done)
     * @param backendReachable false when the backend could not be observed
     * @param applied instances applied (created or replaced)
     * @param removed instances or clusters removed from the backend
     * @param saved clusters whose changed state was written back
     * @param deleted clusters whose deletion completed
     * @param failures backend calls that failed
     */
    record ReconcilePass(Duration took, boolean leader, boolean backendReachable, int applied, int removed,
            int saved, int deleted, int failures) {

        public ReconcilePass {
            Objects.requireNonNull(took, "'took' must not be null");
        }
    }
}

package org.aapf.application.port.out;

import java.util.Optional;
import java.util.Set;

/**
 * Asks a running Spark master which workers are registered with it and how many applications it runs, from its web
 * UI's {@code /json/}. The
 * reconciler counts a Spark worker as ready only when the backend reports it running and healthy <em>and</em> the
 * master lists it as {@code ALIVE} under its hostname (workers register with {@code --host spark-worker-<index>}).
 */
public interface SparkMasterMonitor {

    /**
     * The {@code host} of every worker the master reports {@code ALIVE}.
     *
     * @param masterUi where the AAPF server reaches the master's web UI ({@link ClusterBackend#endpoint})
     * @return empty when the master cannot be asked right now; the reconciler then goes by the backend's readiness
     *     alone. Never throws.
     */
    Optional<Set<String>> aliveWorkerHosts(Endpoint masterUi);

    /** A monitor that never knows: Spark workers count ready by the backend's readiness alone. */
    static SparkMasterMonitor none() {
        return masterUi -> Optional.empty();
    }

    /**
     * How many applications run on the master right now ({@code activeapps}): a Spark job in progress counts as
     * activity for the idle shutdown.
     *
     * @return empty when the master cannot be asked right now, or this monitor cannot tell. Never throws.
     */
    default Optional<Integer> runningApplications(Endpoint masterUi) {
        return Optional.empty();
    }
}

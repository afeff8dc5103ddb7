package org.aapf.application.port.out;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.aapf.domain.cluster.ClusterId;

/**
 * Stores the warm pools' instances. Several AAPF servers may share the store: {@link #claim} is atomic across all of
 * them, so one warm instance goes to at most one cluster, ever.
 */
public interface WarmInstanceRepository {

    /** Records a new warm instance before the backend is asked to start it (so a crash cannot leak it). */
    void add(WarmInstance instance);

    /** Every warm instance, claimed ones included, oldest first. */
    List<WarmInstance> listAll();

    /** Notes that the instance is ready to be claimed; no change when it is gone or already claimed. */
    void markReady(ClusterId id, Instant at);

    /**
     * Takes one ready, unclaimed instance of the pool, oldest first, and marks it claimed at {@code now}, in one
     * conditional write: of concurrent callers (in this process or another server) at most one gets any instance.
     *
     * @return the claimed instance; empty when the pool has no ready one
     */
    Optional<WarmInstance> claim(String pool, Instant now);

    /**
     * Marks an unclaimed instance claimed by no cluster, so that no create can take it while its pool removes it.
     *
     * @return false when a create claimed it first (it is that cluster's now)
     */
    boolean retire(ClusterId id, Instant now);

    /** Forgets the instance (after its backend objects are gone, or once its cluster took it over). */
    void remove(ClusterId id);

    /** A store that holds no warm instance and takes none: for components run without pools. */
    static WarmInstanceRepository none() {
        return new WarmInstanceRepository() {
            @Override
            public void add(WarmInstance instance) {
                throw new UnsupportedOperationException("this component keeps no warm pools");
            }

            @Override
            public List<WarmInstance> listAll() {
                return List.of();
            }

            @Override
            public void markReady(ClusterId id, Instant at) {
            }

            @Override
            public Optional<WarmInstance> claim(String pool, Instant now) {
                return Optional.empty();
            }

            @Override
            public boolean retire(ClusterId id, Instant now) {
                return false;
            }

            @Override
            public void remove(ClusterId id) {
            }
        };
    }
}

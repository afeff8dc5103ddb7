package org.aapf.application.service.cluster;

import java.time.Duration;
import java.util.Optional;
import org.aapf.application.port.out.ReconcilerLease;

/** Takes and renews the reconciler lease before each pass, and tells when a new epoch began (state must reset). */
final class LeaseKeeper {

    private static final System.Logger LOG = System.getLogger(LeaseKeeper.class.getName());

    private final ReconcilerLease lease;
    private final String holder;
    private final Duration ttl;
    private Optional<ReconcilerLease.Lease> held = Optional.empty();

    LeaseKeeper(ReconcilerLease lease, String holder, Duration ttl) {
        this.lease = lease;
        this.holder = holder;
        this.ttl = ttl;
    }

    /** Acquires or renews; {@code onNewEpoch} runs when this process did not hold this epoch before. */
    boolean hold(Runnable onNewEpoch) {
        Optional<ReconcilerLease.Lease> now = lease.acquireOrRenew(holder, ttl);
        if (now.isEmpty()) {
            held.ifPresent(lost -> LOG.log(System.Logger.Level.WARNING, "Lost the reconciler lease (epoch {0})",
                    lost.epoch()));
            held = Optional.empty();
            return false;
        }
        if (held.isEmpty() || held.get().epoch() != now.get().epoch()) {
            LOG.log(System.Logger.Level.INFO, "Holding the reconciler lease (epoch {0})", now.get().epoch());
            onNewEpoch.run();
        }
        held = now;
        return true;
    }

    void release() {
        held.ifPresent(current -> {
            lease.release(current);
            LOG.log(System.Logger.Level.INFO, "Released the reconciler lease (epoch {0})", current.epoch());
        });
        held = Optional.empty();
    }
}

package org.aapf.application.service.reconcile;

import jakarta.inject.Inject;
import org.aapf.application.port.out.ServerSignals;

/**
 * The trigger the use cases wake after a change they stored: this server's reconciler, and through
 * {@link ServerSignals} the other servers on the same database, so that whichever holds the reconciler lease passes at
 * once ({@link Reconciler#peerChanged()}), not at its next resync.
 */
public final class AnnouncingTrigger implements ReconcileTrigger {

    private final Reconciler local;
    private final ServerSignals servers;

    @Inject
    public AnnouncingTrigger(Reconciler local, ServerSignals servers) {
        this.local = local;
        this.servers = servers;
    }

    @Override
    public void wake() {
        local.wake();
        servers.announce();
    }
}

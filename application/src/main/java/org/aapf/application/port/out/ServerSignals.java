package org.aapf.application.port.out;

/**
 * Carries one message between the AAPF servers that share a database: "the stored clusters changed". A change
 * accepted by a server that does not hold the reconciler lease would otherwise wait for the holder's next resync
 * (30 s by default) before anything starts or stops; with the signal the holder passes at once. Best effort: a signal
 * lost (the database restarting, say) only delays the change until that resync, never loses it, because the
 * reconciler reads the stored clusters, not the signals.
 */
public interface ServerSignals {

    /** Tells every other server sharing the database; quick, and never throws (a failure is logged and dropped). */
    void announce();

    /**
     * Calls {@code onSignal} on a thread of the implementation's own for every announcement of another server, and once
     * after a lost connection is back (announcements may have been missed meanwhile); never for this server's own.
     * The callback must be quick and must not throw.
     *
     * @return a handle that stops listening when closed
     */
    Listening listen(Runnable onSignal);

    /** A running listener; closing it stops delivery and frees what it held. */
    interface Listening extends AutoCloseable {
        @Override
        void close();
    }

    /** For a database no other server can share (embedded H2) or a component that runs alone: nothing to tell. */
    static ServerSignals none() {
        return new ServerSignals() {
            @Override
            public void announce() {
            }

            @Override
            public Listening listen(Runnable onSignal) {
                return () -> {
                };
            }
        };
    }
}

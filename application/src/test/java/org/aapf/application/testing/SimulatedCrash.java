package org.aapf.application.testing;

/**
 * Thrown by a fake to simulate the server process dying at that line: an {@link Error}, so no production code
 * catches it, and the test then starts a fresh reconciler over the same stores.
 */
public final class SimulatedCrash extends Error {

    private static final long serialVersionUID = 1L;

    public SimulatedCrash(String where) {
        super("simulated crash " + where);
    }
}

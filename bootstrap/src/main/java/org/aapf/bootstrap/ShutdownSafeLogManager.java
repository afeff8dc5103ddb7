package org.aapf.bootstrap;

import java.util.logging.LogManager;

/**
 * The JDK's log manager, except that its own shutdown hook no longer closes the handlers while AAPF is still stopping
 * (it would swallow every line about the graceful shutdown); {@link Logging#close()} closes them at the very end.
 * Installed by {@link Main} through {@code java.util.logging.manager}.
 */
public final class ShutdownSafeLogManager extends LogManager {

    private static final String JDK_CLEANER = LogManager.class.getName() + "$Cleaner";

    @Override
    public void reset() {
        if (!Thread.currentThread().getClass().getName().equals(JDK_CLEANER)) {
            super.reset();
        }
    }

    /** Flushes and closes every handler now. */
    void resetNow() {
        super.reset();
    }
}

package org.aapf.bootstrap.cli;

import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicBoolean;
import org.aapf.bootstrap.AapfServer;
import sun.misc.Signal;

/**
 * Stops a server once, on SIGTERM or SIGINT, before the JVM begins to shut down. Handling the signals ourselves
 * (instead of in a shutdown hook) matters: the JVM runs every shutdown hook at once, and H2's and the logging
 * system's own hooks would close the database and the log under a server still finishing its requests, its reconcile
 * pass and its lease. The shutdown hook remains for any other way the JVM ends.
 */
final class GracefulStop {

    private final AapfServer server;
    private final AtomicBoolean started = new AtomicBoolean();
    private final CountDownLatch stopped = new CountDownLatch(1);

    GracefulStop(AapfServer server) {
        this.server = server;
    }

    /** Installs the signal handlers and the fallback shutdown hook. */
    GracefulStop install() {
        for (String signal : new String[] {"TERM", "INT"}) {
            Signal.handle(new Signal(signal), received -> Thread.ofPlatform().name("aapf-stop").start(this::stop));
        }
        Runtime.getRuntime().addShutdownHook(new Thread(this::stop, "aapf-shutdown"));
        return this;
    }

    /** Blocks until the server has stopped. */
    void await() {
        try {
            stopped.await();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private void stop() {
        if (started.compareAndSet(false, true)) {
            try {
                server.close();
            } finally {
                stopped.countDown();
            }
        } else {
            await();
        }
    }
}

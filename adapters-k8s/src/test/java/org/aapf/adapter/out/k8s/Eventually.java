package org.aapf.adapter.out.k8s;

import java.time.Duration;
import java.time.Instant;
import java.util.function.BooleanSupplier;
import org.opentest4j.AssertionFailedError;

/** Waits for the informer's asynchronous view to catch up, failing after a bound. */
final class Eventually {

    private static final Duration TIMEOUT = Duration.ofSeconds(10);

    private Eventually() {
    }

    static void until(String what, BooleanSupplier condition) {
        Instant deadline = Instant.now().plus(TIMEOUT);
        while (!condition.getAsBoolean()) {
            if (Instant.now().isAfter(deadline)) {
                throw new AssertionFailedError("Timed out waiting until " + what);
            }
            try {
                Thread.sleep(50);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new AssertionFailedError("Interrupted waiting until " + what, e);
            }
        }
    }
}

package org.aapf.bootstrap;

import io.helidon.logging.common.LogConfig;
import java.util.logging.Handler;
import java.util.logging.LogManager;

/** Process-wide settings made before anything else runs: logging (one line per record) and H2's loopback binding. */
public final class Logging {

    private Logging() {
    }

    public static void configure() {
        // H2's auto-server (which lets `aapf users` share the file with a running server) must stay on loopback.
        if (System.getProperty("h2.bindAddress") == null) {
            System.setProperty("h2.bindAddress", "127.0.0.1");
        }
        LogConfig.configureRuntime();
    }

    /** Switches every handler of the root logger to {@code format} ({@code text}: as configured; {@code json}). */
    public static void useFormat(String format) {
        if ("json".equals(format)) {
            for (Handler handler : LogManager.getLogManager().getLogger("").getHandlers()) {
                handler.setFormatter(new JsonLogFormatter());
            }
        }
    }
}

package org.aapf.bootstrap;

import io.helidon.logging.common.LogConfig;

/** Process-wide settings made before anything else runs: logging (one line per record) and H2's loopback binding. */
final class Logging {

    private Logging() {
    }

    static void configure() {
        // H2's auto-server (which lets `aapf users` share the file with a running server) must stay on loopback.
        if (System.getProperty("h2.bindAddress") == null) {
            System.setProperty("h2.bindAddress", "127.0.0.1");
        }
        LogConfig.configureRuntime();
    }
}

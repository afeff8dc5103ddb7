package org.aapf.bootstrap;

import io.helidon.logging.common.LogConfig;

/** Sets up java.util.logging from {@code logging.properties} (one line per record) before anything logs. */
final class Logging {

    private Logging() {
    }

    static void configure() {
        LogConfig.configureRuntime();
    }
}

package org.aapf.bootstrap.cli;

import org.aapf.bootstrap.AapfServer;
import org.aapf.bootstrap.Logging;
import org.aapf.bootstrap.config.AapfConfig;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;

/**
 * {@code aapf serve}: runs the WebAPI server until SIGTERM or Ctrl-C, then stops it gracefully (see
 * {@link AapfServer#close()}) and exits with 0.
 */
@Command(name = "serve", mixinStandardHelpOptions = true,
        description = "Run the AAPF WebAPI server (port $AAPF_PORT, default 3000; H2 under $AAPF_DATA_DIR unless "
                + "$AAPF_DB_URL names a PostgreSQL database).")
final class ServeCommand implements Runnable {

    @Mixin
    private ConfigOption config;

    @Override
    public void run() {
        AapfConfig loaded = config.load();
        Logging.useFormat(loaded.logging().format());
        new GracefulStop(AapfServer.start(loaded)).install().await();
    }
}

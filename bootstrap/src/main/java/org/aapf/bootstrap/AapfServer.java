package org.aapf.bootstrap;

import io.helidon.webserver.WebServer;
import java.io.UncheckedIOException;
import java.lang.System.Logger.Level;
import java.time.Duration;
import org.aapf.adapter.in.http.gateway.Gateway;
import org.aapf.adapter.in.http.gateway.ListenerLimits;
import org.aapf.application.port.out.ClusterBackend;
import org.aapf.bootstrap.config.AapfConfig;
import org.aapf.bootstrap.config.ConfigException;
import org.aapf.bootstrap.config.ConfiguredAapf;
import org.aapf.domain.error.AapfException;
import org.aapf.domain.error.ErrorReason;
import org.aapf.embedded.Aapf;
import org.aapf.embedded.AapfHttp;
import org.aapf.embedded.wiring.AapfComponent;

/**
 * A running AAPF server: the embedded {@link Aapf} behind its own HTTP listener. {@link #close()} stops it
 * gracefully: no new connections, requests in flight get {@code server.shutdownGracePeriod} to finish, then the
 * reconciler finishes its pass and gives up its lease, and the backend client and the database pool are closed.
 */
public final class AapfServer implements AutoCloseable {

    private static final System.Logger LOG = System.getLogger(AapfServer.class.getName());

    private final Aapf aapf;
    private final WebServer webServer;
    private final Gateway gateway;
    private final Duration grace;

    private AapfServer(Aapf aapf, WebServer webServer, Gateway gateway, Duration grace) {
        this.aapf = aapf;
        this.webServer = webServer;
        this.gateway = gateway;
        this.grace = grace;
    }

    /** Migrates the database, then starts listening; returns once the port is bound. */
    public static AapfServer start(AapfConfig config) {
        return start(ConfiguredAapf.builder(config, System.getenv()).build(), config);
    }

    /** Like {@link #start(AapfConfig)}, with clusters run by {@code backend} instead of the configured backend. */
    public static AapfServer start(AapfConfig config, ClusterBackend backend) {
        return start(ConfiguredAapf.builder(config, System.getenv()).backend(backend).build(), config);
    }

    private static AapfServer start(Aapf aapf, AapfConfig config) {
        ConfiguredAapf.replicaWarning(config, System.getenv()).ifPresent(warning -> LOG.log(Level.WARNING, warning));
        ConfiguredAapf.notebookIsolationWarning(config).ifPresent(warning -> LOG.log(Level.WARNING, warning));
        try {
            startCore(aapf, config);
            AapfHttp http = aapf.http();
            // Helidon listens on loopback only, behind the gateway that owns the public port
            WebServer webServer = WebServer.builder()
                    .host(Gateway.BACKEND_HOST)
                    .port(0)
                    .shutdownGracePeriod(config.server().shutdownGracePeriod())
                    .directHandlers(AapfHttp.directHandlers())
                    .connectionOptions(AapfHttp.connectionOptions())
                    .shutdownHook(false)
                    .routing(routing -> {
                        http.register(routing);
                        http.registerWebUi(routing);
                    })
                    .build()
                    .start();
            Gateway gateway;
            try {
                gateway = Gateway.start(config.server().host(), config.server().port(), webServer.port(),
                        listenerLimits(config.server()), aapf.component().notebookAdmission());
            } catch (UncheckedIOException e) {
                webServer.stop();
                String fix = e.getMessage().endsWith("in use") ? "stop what holds that address, or set another"
                        : "set an address of this machine (0.0.0.0: all of them)";
                throw new ConfigException(e.getMessage() + ": " + fix + " with 'server.host' (AAPF_HOST),"
                        + " 'server.port' (AAPF_PORT) or 'proxy.notebookPort'", e);
            } catch (RuntimeException e) {
                webServer.stop();
                throw e;
            }
            LOG.log(Level.INFO, "AAPF listening on http://{0}:{1,number,#} using {2}", config.server().host(),
                    gateway.port(), aapf.component().database().describe());
            return new AapfServer(aapf, webServer, gateway, config.server().shutdownGracePeriod());
        } catch (RuntimeException e) {
            aapf.close();
            throw e;
        }
    }

    /** The bound port (useful when configured as 0). */
    public int port() {
        return gateway.port();
    }

    public AapfComponent component() {
        return aapf.component();
    }

    public Aapf aapf() {
        return aapf;
    }

    @Override
    public void close() {
        long started = System.nanoTime();
        LOG.log(Level.INFO, "AAPF stopping: no new connections; requests in flight may finish");
        gateway.close(grace);
        webServer.stop();
        aapf.close();
        LOG.log(Level.INFO, "AAPF stopped in {0,number,#} ms", (System.nanoTime() - started) / 1_000_000);
    }

    /** Migrations and the reconciler; a database that cannot be reached is a configuration problem to name. */
    private static void startCore(Aapf aapf, AapfConfig config) {
        try {
            aapf.start();
        } catch (AapfException e) {
            if (e.reason() != ErrorReason.UNAVAILABLE) {
                throw e;
            }
            String database = config.database().url().isEmpty() ? "(H2 under " + config.dataDir() + ")"
                    : config.database().url();
            throw new ConfigException("Cannot connect to the database " + database + ": check that it runs and"
                    + " 'database.url' (AAPF_DB_URL), 'database.user' (AAPF_DB_USER) and 'database.password'"
                    + " (AAPF_DB_PASSWORD)", e);
        }
    }

    private static ListenerLimits listenerLimits(AapfConfig.Server server) {
        return new ListenerLimits(server.requestHeadTimeout(), server.requestBodyTimeout(),
                server.requestBodyMinRate(), server.maxConnections(), server.maxConnectionsPerAddress());
    }
}

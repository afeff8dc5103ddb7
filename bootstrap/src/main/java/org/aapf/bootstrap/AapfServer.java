package org.aapf.bootstrap;

import io.helidon.webserver.WebServer;
import io.helidon.webserver.websocket.WsRouting;
import java.lang.System.Logger.Level;
import java.util.Optional;
import org.aapf.adapter.in.http.ApiRouting;
import org.aapf.adapter.in.http.OperationsRouting;
import org.aapf.adapter.in.http.proxy.NotebookProxy;
import org.aapf.application.port.out.ClusterBackend;
import org.aapf.application.service.cluster.Reconciler;
import org.aapf.bootstrap.config.AapfConfig;
import org.aapf.bootstrap.wiring.AapfComponent;
import org.aapf.bootstrap.wiring.CustomBackend;

/**
 * A running AAPF server: the HTTP listener over one wired component. {@link #close()} stops it gracefully: no new
 * connections, requests in flight get {@code server.shutdownGracePeriod} to finish, then the reconciler finishes its
 * pass and gives up its lease, and the backend client and the database pool are closed.
 */
public final class AapfServer implements AutoCloseable {

    private static final System.Logger LOG = System.getLogger(AapfServer.class.getName());

    private final AapfComponent component;
    private final WebServer webServer;

    private AapfServer(AapfComponent component, WebServer webServer) {
        this.component = component;
        this.webServer = webServer;
    }

    /** Migrates the database, then starts listening; returns once the port is bound. */
    public static AapfServer start(AapfConfig config) {
        return start(AapfComponent.of(config), config);
    }

    /** Like {@link #start(AapfConfig)}, with clusters run by {@code backend} instead of the configured backend. */
    public static AapfServer start(AapfConfig config, ClusterBackend backend) {
        return start(AapfComponent.of(config, new CustomBackend(Optional.of(backend))), config);
    }

    private static AapfServer start(AapfComponent component, AapfConfig config) {
        component.database();
        Optional<Reconciler> reconciler = Optional.empty();
        try {
            reconciler = Optional.of(component.reconciler());
            reconciler.get().start();
            ApiRouting api = component.apiRouting();
            OperationsRouting operations = component.operationsRouting();
            NotebookProxy proxy = component.notebookProxy();
            WsRouting.Builder webSockets = WsRouting.builder();
            proxy.register(webSockets);
            WebServer webServer = WebServer.builder()
                    .host(config.server().host())
                    .port(config.server().port())
                    .shutdownGracePeriod(config.server().shutdownGracePeriod())
                    .directHandlers(ApiRouting.directHandlers())
                    .shutdownHook(false)
                    .addProtocol(proxy.webSocketProtocol())
                    .routing(routing -> {
                        operations.register(routing);
                        api.register(routing);
                        proxy.register(routing);
                    })
                    .addRouting(webSockets)
                    .build()
                    .start();
            LOG.log(Level.INFO, "AAPF listening on http://{0}:{1,number,#} using {2}", config.server().host(),
                    webServer.port(), component.database().describe());
            return new AapfServer(component, webServer);
        } catch (RuntimeException e) {
            // only what was built: building the rest again would only repeat the failure
            stopQuietly(component, reconciler);
            throw e;
        }
    }

    /** The bound port (useful when configured as 0). */
    public int port() {
        return webServer.port();
    }

    public AapfComponent component() {
        return component;
    }

    @Override
    public void close() {
        long started = System.nanoTime();
        LOG.log(Level.INFO, "AAPF stopping: no new connections; requests in flight may finish");
        webServer.stop();
        component.notebookProxy().close();
        stopQuietly(component, Optional.of(component.reconciler()));
        LOG.log(Level.INFO, "AAPF stopped in {0,number,#} ms", (System.nanoTime() - started) / 1_000_000);
    }

    /**
     * Stops the reconciler, then the backend client, then the pool: each step even if an earlier one failed. Without a
     * reconciler, the backend was not built either (or is of no use) and is left alone.
     */
    private static void stopQuietly(AapfComponent component, Optional<Reconciler> reconciler) {
        try {
            reconciler.ifPresent(Reconciler::close);
        } catch (RuntimeException e) {
            LOG.log(Level.WARNING, "Reconciler did not stop cleanly", e);
        }
        if (reconciler.isPresent() && component.backend() instanceof AutoCloseable closeable) {
            try {
                closeable.close();
            } catch (Exception e) {
                LOG.log(Level.WARNING, "Backend client did not close cleanly", e);
            }
        }
        component.database().close();
    }
}

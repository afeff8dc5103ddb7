package org.aapf.bootstrap;

import io.helidon.webserver.WebServer;
import java.lang.System.Logger.Level;
import org.aapf.adapter.in.http.ApiRouting;
import org.aapf.adapter.in.http.webui.WebUiRouting;
import org.aapf.bootstrap.config.AapfConfig;
import org.aapf.bootstrap.wiring.AapfComponent;

/** A running AAPF server: the HTTP listener over one wired component; {@link #close()} stops it and frees the pool. */
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
        AapfComponent component = AapfComponent.of(config);
        try {
            component.database();
            ApiRouting routing = component.apiRouting();
            WebUiRouting webUi = component.webUiRouting();
            WebServer webServer = WebServer.builder()
                    .host(config.server().host())
                    .port(config.server().port())
                    .maxPayloadSize(config.http().maxBodyBytes())
                    .shutdownHook(false)
                    .routing(rules -> {
                        routing.register(rules);
                        webUi.register(rules);
                    })
                    .build()
                    .start();
            LOG.log(Level.INFO, "AAPF listening on http://{0}:{1,number,#} using {2}", config.server().host(),
                    webServer.port(), component.database().describe());
            return new AapfServer(component, webServer);
        } catch (RuntimeException e) {
            component.database().close();
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
        webServer.stop();
        component.database().close();
        LOG.log(Level.INFO, "AAPF stopped");
    }
}

package org.aapf.adapter.in.http.proxy;

import java.net.http.HttpClient;
import java.util.Objects;
import java.util.concurrent.Executors;

import io.helidon.common.socket.SocketOptions;
import io.helidon.webserver.http.HttpRouting;
import io.helidon.webserver.websocket.WsConfig;
import io.helidon.webserver.websocket.WsRouting;
import jakarta.inject.Inject;
import jakarta.inject.Singleton;
import org.aapf.application.port.in.ResolveNotebookRouteQuery;
import org.aapf.adapter.in.http.Metrics;

/**
 * The notebook reverse proxy: serves {@code /proxy/<proxyId>/jupyter/**} over HTTP and WebSocket by forwarding to
 * the notebook that {@link ResolveNotebookRouteQuery} names. Register it on both routings of the server:
 * {@code proxy.register(httpRouting)}, {@code proxy.register(wsRouting)}, and add {@link #webSocketProtocol()}.
 */
@Singleton
public final class NotebookProxy implements AutoCloseable {

    /** The routed path pattern; the proxy itself checks the rest of the path. */
    public static final String PATH_PATTERN = ProxyPath.PREFIX + "*";
    private static final int MAX_FRAME_BYTES = 16 * 1024 * 1024;

    private final ProxySettings settings;
    private final NotebookConnections notebookConnections;
    private final HttpClient webSocketClient;
    private final ProxyAdmission admission;
    private final NotebookSockets notebookSockets;
    private final Metrics metrics;

    /** A proxy that reports to no monitoring. */
    public NotebookProxy(ResolveNotebookRouteQuery routes, ProxySettings settings) {
        this(routes, settings, Metrics.none());
    }

    @Inject
    public NotebookProxy(ResolveNotebookRouteQuery routes, ProxySettings settings, Metrics metrics) {
        this.metrics = Objects.requireNonNull(metrics, "'metrics' must not be null");
        this.settings = Objects.requireNonNull(settings, "'settings' must not be null");
        this.admission = new ProxyAdmission(Objects.requireNonNull(routes, "'routes' must not be null"), settings);
        this.notebookConnections = new NotebookConnections(settings);
        this.webSocketClient = HttpClient.newBuilder()
                .version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(settings.connectTimeout())
                .followRedirects(HttpClient.Redirect.NEVER)
                .executor(Executors.newVirtualThreadPerTaskExecutor())
                .build();
        this.notebookSockets = new NotebookSockets(webSocketClient, settings.connectTimeout(), this.metrics);
    }

    /** Routes HTTP requests under {@code /proxy/} (any method) to the notebooks, and vets WebSocket upgrades. */
    public void register(HttpRouting.Builder routing) {
        routing.addFilter(new UpgradeGate(admission, notebookSockets));
        routing.any(PATH_PATTERN, new HttpForwarder(admission, notebookConnections, metrics));
    }

    /** Routes WebSocket upgrades under {@code /proxy/} to the notebooks (one relay per connection). */
    public void register(WsRouting.Builder routing) {
        routing.endpoint(PATH_PATTERN, () -> new WebSocketRelay(settings.connectTimeout()));
    }

    /**
     * The server's WebSocket protocol settings matching this proxy: Helidon checks {@code Origin} before any
     * listener runs, so it must know the same allow-list; frames up to 16 MiB (Jupyter comm messages can be big).
     * Behind the front listener Helidon never sees a browser's {@code Origin}: the front applies the proxy's own rule
     * ({@link OriginPolicy}, which admits each notebook's own origin too) and relays the upgrade without it.
     */
    public WsConfig webSocketProtocol() {
        return WsConfig.builder()
                .name("websocket")
                .origins(settings.allowedOrigins())
                .maxFrameLength(MAX_FRAME_BYTES)
                .build();
    }

    /**
     * Socket options for the server that hosts the proxy: {@code TCP_NODELAY}, as nginx's {@code tcp_nodelay}. A
     * response written in two parts (headers, then body) would otherwise wait for the client's delayed ACK, up to
     * 40 ms on Linux, before its second part leaves.
     */
    public static SocketOptions connectionOptions() {
        return SocketOptions.builder().tcpNoDelay(true).build();
    }

    ProxyAdmission admission() {
        return admission;
    }

    ProxySettings settings() {
        return settings;
    }

    Metrics metrics() {
        return metrics;
    }

    /** Drops every connection to the notebooks, open WebSockets included. */
    @Override
    public void close() {
        notebookConnections.close();
        webSocketClient.shutdownNow();
    }
}

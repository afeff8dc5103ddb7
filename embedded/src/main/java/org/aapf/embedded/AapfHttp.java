package org.aapf.embedded;

import io.helidon.common.socket.SocketOptions;
import io.helidon.webserver.http.DirectHandlers;
import io.helidon.webserver.http.HttpRouting;
import io.helidon.webserver.websocket.WsConfig;
import io.helidon.webserver.websocket.WsRouting;
import java.util.Objects;
import org.aapf.adapter.in.http.ApiRouting;
import org.aapf.adapter.in.http.OperationsRouting;
import org.aapf.adapter.in.http.gateway.ListenerLimits;
import org.aapf.adapter.in.http.gateway.NotebookProxy;
import org.aapf.adapter.in.http.gateway.ProxyFront;
import org.aapf.adapter.in.http.webui.WebUiRouting;

/**
 * The optional HTTP layer, to mount on the embedder's own Helidon {@code WebServer}: the WebAPI under
 * {@code /api/v1} and the notebook proxy under {@code /proxy/}. Register both routings and add
 * {@link #webSocketProtocol()} to the server; {@link #directHandlers()} makes Helidon's own refusals JSON too.
 */
public final class AapfHttp {

    private final OperationsRouting operations;
    private final ApiRouting api;
    private final NotebookProxy proxy;
    private final WebUiRouting webUi;

    AapfHttp(OperationsRouting operations, ApiRouting api, NotebookProxy proxy, WebUiRouting webUi) {
        this.operations = Objects.requireNonNull(operations, "'operations' must not be null");
        this.api = Objects.requireNonNull(api, "'api' must not be null");
        this.proxy = Objects.requireNonNull(proxy, "'proxy' must not be null");
        this.webUi = Objects.requireNonNull(webUi, "'webUi' must not be null");
    }

    /**
     * Adds the access log and request ids, {@code /health/live}, {@code /health/ready} and (with a metrics token)
     * {@code /metrics}, then the API and the proxy's HTTP side. AAPF's error handlers apply to the whole routing, so the host's other
     * routes on the same builder answer errors (and unknown paths) with AAPF's JSON bodies too.
     */
    public void register(HttpRouting.Builder routing) {
        operations.register(routing);
        api.register(routing);
        proxy.register(routing);
    }

    /** Adds AAPF's own WebUI at {@code /} (optional: a host with its own front end leaves it out). */
    public void registerWebUi(HttpRouting.Builder routing) {
        webUi.register(routing);
    }

    /** Adds the proxy's WebSocket side (Jupyter kernels talk over WebSockets). */
    public void register(WsRouting.Builder routing) {
        proxy.register(routing);
    }

    /**
     * Starts the front listener on {@code host:port} (0: a free port) before the Helidon server at
     * {@code 127.0.0.1:backendPort} that has this layer registered: notebook requests are served on event loops, as a
     * dedicated reverse proxy would, and every other request is relayed to that server. This is how
     * {@code aapf serve} listens; close the front before stopping the server behind it.
     */
    public ProxyFront startFront(String host, int port, int backendPort) {
        return startFront(host, port, backendPort, ListenerLimits.defaults());
    }

    /** As {@link #startFront(String, int, int)}, with {@code limits} on slow and greedy clients. */
    public ProxyFront startFront(String host, int port, int backendPort, ListenerLimits limits) {
        return ProxyFront.start(host, port, backendPort, proxy, limits);
    }

    /** The WebSocket protocol settings the server needs for the proxy (allowed origins, frame size). */
    public WsConfig webSocketProtocol() {
        return proxy.webSocketProtocol();
    }

    /**
     * Socket options for the server's connections ({@code WebServer.builder().connectionOptions(...)}):
     * {@code TCP_NODELAY}, so that proxied answers are not held back by the client's delayed ACK.
     */
    public static SocketOptions connectionOptions() {
        return NotebookProxy.connectionOptions();
    }

    /** JSON bodies for requests Helidon refuses before routing ({@code WebServer.builder().directHandlers(...)}). */
    public static DirectHandlers directHandlers() {
        return ApiRouting.directHandlers();
    }
}

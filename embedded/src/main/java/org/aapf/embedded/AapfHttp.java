package org.aapf.embedded;

import io.helidon.common.socket.SocketOptions;
import io.helidon.webserver.http.DirectHandlers;
import io.helidon.webserver.http.HttpRouting;
import java.util.Objects;
import org.aapf.adapter.in.http.ApiRouting;
import org.aapf.adapter.in.http.OperationsRouting;
import org.aapf.adapter.in.http.gateway.Gateway;
import org.aapf.adapter.in.http.gateway.ListenerLimits;
import org.aapf.adapter.in.http.gateway.NotebookAdmission;
import org.aapf.adapter.in.http.webui.WebUiRouting;

/**
 * The optional HTTP layer, to mount on the embedder's own Helidon {@code WebServer}: the WebAPI under {@code /api/v1}
 * (and the WebUI), registered on the server's routing; and the {@link Gateway} in front of that server, which owns the
 * public port, serves the notebooks ({@code /proxy/}, HTTP and WebSocket) and relays everything else to the server.
 * {@link #directHandlers()} makes Helidon's own refusals JSON too.
 */
public final class AapfHttp {

    private final OperationsRouting operations;
    private final ApiRouting api;
    private final NotebookAdmission notebooks;
    private final WebUiRouting webUi;

    AapfHttp(OperationsRouting operations, ApiRouting api, NotebookAdmission notebooks, WebUiRouting webUi) {
        this.operations = Objects.requireNonNull(operations, "'operations' must not be null");
        this.api = Objects.requireNonNull(api, "'api' must not be null");
        this.notebooks = Objects.requireNonNull(notebooks, "'notebooks' must not be null");
        this.webUi = Objects.requireNonNull(webUi, "'webUi' must not be null");
    }

    /**
     * Adds the access log and request ids, {@code /health/live}, {@code /health/ready} and (with a metrics token)
     * {@code /metrics}, then the API. AAPF's error handlers apply to the whole routing, so the host's other routes on
     * the same builder answer errors (and unknown paths) with AAPF's JSON bodies too.
     */
    public void register(HttpRouting.Builder routing) {
        operations.register(routing);
        api.register(routing);
    }

    /** Adds AAPF's own WebUI at {@code /} (optional: a host with its own front end leaves it out). */
    public void registerWebUi(HttpRouting.Builder routing) {
        webUi.register(routing);
    }

    /**
     * Starts the gateway on {@code host:port} (0: a free port) before the Helidon server at
     * {@code 127.0.0.1:backendPort} that has this layer registered: notebook traffic is served on event loops, as a
     * dedicated reverse proxy would, and every other request is relayed to that server. This is how
     * {@code aapf serve} listens; close the gateway before stopping the server behind it.
     */
    public Gateway startGateway(String host, int port, int backendPort) {
        return startGateway(host, port, backendPort, ListenerLimits.defaults());
    }

    /** As {@link #startGateway(String, int, int)}, with {@code limits} on slow and greedy clients. */
    public Gateway startGateway(String host, int port, int backendPort, ListenerLimits limits) {
        return Gateway.start(host, port, backendPort, limits, notebooks);
    }

    /**
     * Socket options for the server's connections ({@code WebServer.builder().connectionOptions(...)}):
     * {@code TCP_NODELAY}, as nginx's {@code tcp_nodelay}: an answer written in two parts (headers, then body) would
     * otherwise wait for the gateway's delayed ACK, up to 40 ms on Linux, before its second part leaves.
     */
    public static SocketOptions connectionOptions() {
        return SocketOptions.builder().tcpNoDelay(true).build();
    }

    /** JSON bodies for requests Helidon refuses before routing ({@code WebServer.builder().directHandlers(...)}). */
    public static DirectHandlers directHandlers() {
        return ApiRouting.directHandlers();
    }
}

package org.aapf.adapter.in.http.proxy;

import java.net.http.HttpClient;
import java.net.http.WebSocket;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import io.helidon.http.Headers;
import io.helidon.webserver.websocket.WsUpgrader;
import io.helidon.websocket.WsSession;
import org.aapf.adapter.in.http.Metrics;

/**
 * Opens the notebook side of a proxied WebSocket ({@code java.net.http.WebSocket}) with the browser's end-to-end
 * headers, the notebook's own {@code Origin}, the {@code X-Forwarded-*} headers and the offered subprotocols.
 */
final class NotebookSockets {

    private static final System.Logger LOG = System.getLogger(NotebookSockets.class.getName());

    private final HttpClient client;
    private final Duration connectTimeout;
    private final Metrics metrics;

    NotebookSockets(HttpClient client, Duration connectTimeout, Metrics metrics) {
        this.client = client;
        this.connectTimeout = connectTimeout;
        this.metrics = metrics;
    }

    /** Completes the handshake with the notebook, or throws a 502 {@link ProxyRefusal} when it refuses or is down. */
    Opened open(ProxyAdmission.Admitted admitted, String rawQuery, Headers headers, boolean originCheckedByFront,
                UpstreamRequests.Forwarding forwarding) {
        WebSocket.Builder builder = client.newWebSocketBuilder().connectTimeout(connectTimeout);
        UpstreamRequests.copyHeaders(headers, admitted, forwarding, builder::header);
        if (originCheckedByFront) {
            // the browser's Origin, allowed by the front, is presented as the notebook's own as on any other path
            builder.header("Origin", admitted.upstreamOrigin());
        }
        List<String> subprotocols = headers.values(WsUpgrader.PROTOCOL).stream()
                .flatMap(value -> Arrays.stream(value.split(",")))
                .map(String::strip).filter(value -> !value.isEmpty()).toList();
        if (!subprotocols.isEmpty()) {
            builder.subprotocols(subprotocols.getFirst(),
                    subprotocols.subList(1, subprotocols.size()).toArray(String[]::new));
        }
        CompletableFuture<WsSession> browser = new CompletableFuture<>();
        SocketTally tally = new SocketTally(metrics);
        String proxyId = admitted.path().proxyId();
        try {
            WebSocket notebook = builder.buildAsync(UpstreamRequests.target("ws", admitted, rawQuery),
                            new NotebookSocketListener(browser, proxyId, tally))
                    .get(connectTimeout.toMillis() * 2, TimeUnit.MILLISECONDS);
            return new Opened(notebook, browser, tally, proxyId);
        } catch (ExecutionException | TimeoutException e) {
            LOG.log(System.Logger.Level.INFO, "Notebook {0} refused the WebSocket: {1}",
                    proxyId, rootCause(e).getClass().getSimpleName());
            throw ProxyRefusal.unreachable();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw ProxyRefusal.unreachable();
        }
    }

    Duration connectTimeout() {
        return connectTimeout;
    }

    private static Throwable rootCause(Throwable error) {
        Throwable cause = error;
        while (cause.getCause() != null) {
            cause = cause.getCause();
        }
        return cause;
    }

    /**
     * A notebook socket open and waiting for its browser side: frames from the notebook are pulled only once
     * {@code browser} completes.
     */
    record Opened(WebSocket notebook, CompletableFuture<WsSession> browser, SocketTally tally, String proxyId) {
    }
}

package org.aapf.adapter.in.http.proxy;

import java.net.http.HttpClient;
import java.net.http.WebSocket;
import java.nio.ByteBuffer;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import io.helidon.common.buffers.BufferData;
import io.helidon.http.HeaderNames;
import io.helidon.http.Headers;
import io.helidon.http.HttpPrologue;
import io.helidon.http.WritableHeaders;
import io.helidon.webserver.websocket.WsUpgrader;
import io.helidon.websocket.WsListener;
import io.helidon.websocket.WsSession;
import io.helidon.websocket.WsUpgradeException;
import org.aapf.application.port.out.Metrics;

/**
 * One proxied WebSocket, browser side: during the handshake it opens the notebook side (so the notebook's refusal
 * or chosen subprotocol reaches the browser), then relays every frame, ping, pong and close to it. A send waits for
 * the previous one, so a slow notebook slows the browser instead of filling memory.
 */
final class WebSocketRelay implements WsListener {

    private static final System.Logger LOG = System.getLogger(WebSocketRelay.class.getName());

    private final ProxyAdmission admission;
    private final HttpClient client;
    private final Duration connectTimeout;
    private final SocketTally tally;
    private final CompletableFuture<WsSession> browser = new CompletableFuture<>();
    private volatile WebSocket notebook;
    private volatile String proxyId = "?";

    WebSocketRelay(ProxyAdmission admission, HttpClient client, Duration connectTimeout, Metrics metrics) {
        this.admission = admission;
        this.client = client;
        this.connectTimeout = connectTimeout;
        this.tally = new SocketTally(metrics);
    }

    @Override
    public Optional<Headers> onHttpUpgrade(HttpPrologue prologue, Headers headers) throws WsUpgradeException {
        try {
            ProxyAdmission.Admitted admitted = admission.admit(prologue.uriPath().rawPath(),
                    headers.first(HeaderNames.ORIGIN), headers.first(HeaderNames.HOST));
            proxyId = admitted.path().proxyId();
            notebook = connect(admitted, prologue, headers);
        } catch (ProxyRefusal refusal) {
            // Helidon then hands the request to HTTP routing, which answers with the matching status.
            throw new WsUpgradeException(refusal.getMessage());
        }
        String subprotocol = notebook.getSubprotocol();
        return subprotocol.isEmpty()
                ? Optional.empty()
                : Optional.of(WritableHeaders.create().set(WsUpgrader.PROTOCOL, subprotocol));
    }

    private WebSocket connect(ProxyAdmission.Admitted admitted, HttpPrologue prologue, Headers headers) {
        WebSocket.Builder builder = client.newWebSocketBuilder().connectTimeout(connectTimeout);
        UpstreamRequests.copyHeaders(headers, admitted,
                new UpstreamRequests.Forwarding(Optional.empty(), Optional.empty()), builder::header);
        List<String> subprotocols = headers.values(WsUpgrader.PROTOCOL).stream()
                .flatMap(value -> Arrays.stream(value.split(",")))
                .map(String::strip).filter(value -> !value.isEmpty()).toList();
        if (!subprotocols.isEmpty()) {
            builder.subprotocols(subprotocols.getFirst(),
                    subprotocols.subList(1, subprotocols.size()).toArray(String[]::new));
        }
        try {
            return builder.buildAsync(UpstreamRequests.target("ws", admitted, prologue.query().rawValue()),
                            new NotebookSocketListener(browser, admitted.path().proxyId(), tally))
                    .get(connectTimeout.toMillis() * 2, TimeUnit.MILLISECONDS);
        } catch (ExecutionException | TimeoutException e) {
            LOG.log(System.Logger.Level.INFO, "Notebook {0} refused the WebSocket: {1}",
                    admitted.path().proxyId(), rootCause(e).getClass().getSimpleName());
            throw ProxyRefusal.unreachable();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw ProxyRefusal.unreachable();
        }
    }

    @Override
    public void onOpen(WsSession session) {
        tally.opened();
        browser.complete(session);
        notebook.request(1);
    }

    @Override
    public void onMessage(WsSession session, String text, boolean last) {
        tally.toNotebook(text.length());
        relay(session, notebook.sendText(text, last));
    }

    @Override
    public void onMessage(WsSession session, BufferData buffer, boolean last) {
        tally.toNotebook(buffer.available());
        relay(session, notebook.sendBinary(ByteBuffer.wrap(bytes(buffer)), last));
    }

    @Override
    public void onPing(WsSession session, BufferData buffer) {
        relay(session, notebook.sendPing(ByteBuffer.wrap(bytes(buffer))));
    }

    @Override
    public void onPong(WsSession session, BufferData buffer) {
        relay(session, notebook.sendPong(ByteBuffer.wrap(bytes(buffer))));
    }

    @Override
    public void onClose(WsSession session, int status, String reason) {
        tally.closed();
        WebSocket current = notebook;
        current.sendClose(CloseFrames.toNotebook(status), CloseFrames.reason(reason));
        // A notebook that never answers the close must not keep its socket forever.
        CompletableFuture.delayedExecutor(connectTimeout.toMillis(), TimeUnit.MILLISECONDS).execute(current::abort);
    }

    @Override
    public void onError(WsSession session, Throwable error) {
        LOG.log(System.Logger.Level.DEBUG, "Browser WebSocket for notebook {0} failed: {1}",
                proxyId, error.getClass().getSimpleName());
        tally.closed();
        notebook.abort();
    }

    private void relay(WsSession session, CompletableFuture<WebSocket> send) {
        try {
            send.join();
        } catch (CompletionException e) {
            LOG.log(System.Logger.Level.DEBUG, "Notebook {0} WebSocket lost: {1}",
                    proxyId, rootCause(e).getClass().getSimpleName());
            session.close(CloseFrames.UNEXPECTED_CONDITION, "Notebook connection lost");
        }
    }

    private static byte[] bytes(BufferData buffer) {
        byte[] bytes = new byte[buffer.available()];
        buffer.read(bytes);
        return bytes;
    }

    private static Throwable rootCause(Throwable error) {
        Throwable cause = error;
        while (cause.getCause() != null) {
            cause = cause.getCause();
        }
        return cause;
    }
}

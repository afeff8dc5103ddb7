package org.aapf.adapter.in.http.gateway;

import java.net.http.WebSocket;
import java.nio.ByteBuffer;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.TimeUnit;

import io.helidon.common.buffers.BufferData;
import io.helidon.http.Headers;
import io.helidon.http.HttpPrologue;
import io.helidon.http.WritableHeaders;
import io.helidon.webserver.websocket.WsUpgrader;
import io.helidon.websocket.WsListener;
import io.helidon.websocket.WsSession;
import io.helidon.websocket.WsUpgradeException;

/**
 * One proxied WebSocket, browser side: takes over the notebook side that {@link UpgradeGate} opened during the
 * handshake (so the notebook's refusal or chosen subprotocol reaches the browser), then relays every frame, ping, pong
 * and close to it. A send waits for the previous one, so a slow notebook slows the browser instead of filling memory.
 */
final class WebSocketRelay implements WsListener {

    private static final System.Logger LOG = System.getLogger(WebSocketRelay.class.getName());

    private final Duration closeTimeout;
    private volatile WebSocket notebook;
    private volatile CompletableFuture<WsSession> browser;
    private volatile SocketTally tally;
    private volatile String proxyId = "?";

    /** @param closeTimeout how long the notebook may take to answer a close before its socket is dropped */
    WebSocketRelay(Duration closeTimeout) {
        this.closeTimeout = closeTimeout;
    }

    @Override
    public Optional<Headers> onHttpUpgrade(HttpPrologue prologue, Headers headers) throws WsUpgradeException {
        NotebookSockets.Opened opened = UpgradeGate.claim();
        if (opened == null) {
            // NotebookProxy registers the gate with the relay; without it no notebook side exists
            throw new WsUpgradeException("no notebook side was opened for this upgrade");
        }
        notebook = opened.notebook();
        browser = opened.browser();
        tally = opened.tally();
        proxyId = opened.proxyId();
        String subprotocol = notebook.getSubprotocol();
        return subprotocol.isEmpty()
                ? Optional.empty()
                : Optional.of(WritableHeaders.create().set(WsUpgrader.PROTOCOL, subprotocol));
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
        CompletableFuture.delayedExecutor(closeTimeout.toMillis(), TimeUnit.MILLISECONDS).execute(current::abort);
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

package org.aapf.adapter.in.http.gateway;

import java.net.http.WebSocket;
import java.nio.ByteBuffer;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;

import io.helidon.common.buffers.BufferData;
import io.helidon.websocket.WsSession;

/**
 * One proxied WebSocket, notebook side: relays each frame to the browser and only then asks for the next one
 * ({@link WebSocket#request}), so a slow browser slows the notebook instead of filling memory.
 */
final class NotebookSocketListener implements WebSocket.Listener {

    private static final System.Logger LOG = System.getLogger(NotebookSocketListener.class.getName());

    private final CompletableFuture<WsSession> browser;
    private final String proxyId;
    private final SocketTally tally;

    NotebookSocketListener(CompletableFuture<WsSession> browser, String proxyId, SocketTally tally) {
        this.browser = browser;
        this.proxyId = proxyId;
        this.tally = tally;
    }

    @Override
    public void onOpen(WebSocket webSocket) {
        // No request(1) here: frames are pulled once the browser side is open (WebSocketRelay.onOpen).
    }

    @Override
    public CompletionStage<?> onText(WebSocket webSocket, CharSequence data, boolean last) {
        tally.fromNotebook(data.length());
        return relay(webSocket, session -> session.send(data.toString(), last));
    }

    @Override
    public CompletionStage<?> onBinary(WebSocket webSocket, ByteBuffer data, boolean last) {
        tally.fromNotebook(data.remaining());
        return relay(webSocket, session -> session.send(BufferData.create(copy(data)), last));
    }

    @Override
    public CompletionStage<?> onPing(WebSocket webSocket, ByteBuffer message) {
        return relay(webSocket, session -> session.ping(BufferData.create(copy(message))));
    }

    @Override
    public CompletionStage<?> onPong(WebSocket webSocket, ByteBuffer message) {
        return relay(webSocket, session -> session.pong(BufferData.create(copy(message))));
    }

    @Override
    public CompletionStage<?> onClose(WebSocket webSocket, int statusCode, String reason) {
        tally.closed();
        try {
            browser.join().close(CloseFrames.toBrowser(statusCode), CloseFrames.reason(reason));
        } catch (RuntimeException e) {
            LOG.log(System.Logger.Level.DEBUG, "Browser of notebook {0} already gone", proxyId);
        }
        return null;
    }

    @Override
    public void onError(WebSocket webSocket, Throwable error) {
        LOG.log(System.Logger.Level.DEBUG, "Notebook {0} WebSocket failed: {1}",
                proxyId, error.getClass().getSimpleName());
        tally.closed();
        try {
            browser.join().close(CloseFrames.UNEXPECTED_CONDITION, "Notebook connection failed");
        } catch (RuntimeException e) {
            LOG.log(System.Logger.Level.DEBUG, "Browser of notebook {0} already gone", proxyId);
        }
    }

    private CompletionStage<?> relay(WebSocket webSocket, java.util.function.Consumer<WsSession> send) {
        try {
            send.accept(browser.join());
            webSocket.request(1);
        } catch (RuntimeException e) {
            // The browser vanished without a close frame: drop the notebook side too.
            LOG.log(System.Logger.Level.DEBUG, "Browser of notebook {0} gone: {1}",
                    proxyId, e.getClass().getSimpleName());
            webSocket.abort();
        }
        return null;
    }

    private static byte[] copy(ByteBuffer data) {
        byte[] bytes = new byte[data.remaining()];
        data.get(bytes);
        return bytes;
    }
}

package org.aapf.adapter.in.http.gateway;

import java.util.Optional;
import java.util.concurrent.CompletableFuture;

import io.helidon.common.buffers.BufferData;
import io.helidon.http.HeaderNames;
import io.helidon.http.Headers;
import io.helidon.http.HttpPrologue;
import io.helidon.http.WritableHeaders;
import io.helidon.webserver.WebServer;
import io.helidon.webserver.websocket.WsRouting;
import io.helidon.webserver.websocket.WsUpgrader;
import io.helidon.websocket.WsListener;
import io.helidon.websocket.WsSession;

/**
 * A stand-in notebook WebSocket (a second Helidon server): echoes text as {@code echo:<text>} and binary as is,
 * answers pings, closes with 4001 on the text {@code bye}, and records the handshake and the close it received.
 */
final class FakeWsNotebook implements AutoCloseable {

    final CompletableFuture<Handshake> handshake = new CompletableFuture<>();
    final CompletableFuture<Integer> closeCodeReceived = new CompletableFuture<>();
    private final WebServer server;

    FakeWsNotebook() {
        server = WebServer.builder()
                .host("127.0.0.1")
                .port(0)
                .addRouting(WsRouting.builder().endpoint("/proxy/*", Echo::new))
                .build()
                .start();
    }

    int port() {
        return server.port();
    }

    /** What the notebook saw of the upgrade request. */
    record Handshake(String rawPath, String rawQuery, Optional<String> cookie, Optional<String> authorization,
                     Optional<String> origin, Optional<String> subprotocols, Forwarded forwarded) {
    }

    /** The {@code X-Forwarded-*} headers of the upgrade request. */
    record Forwarded(Optional<String> forwardedFor, Optional<String> proto, Optional<String> host) {
    }

    private final class Echo implements WsListener {

        @Override
        public Optional<Headers> onHttpUpgrade(HttpPrologue prologue, Headers headers) {
            handshake.complete(new Handshake(prologue.uriPath().rawPath(), prologue.query().rawValue(),
                    headers.first(HeaderNames.COOKIE), headers.first(HeaderNames.AUTHORIZATION),
                    headers.first(HeaderNames.ORIGIN), headers.first(WsUpgrader.PROTOCOL),
                    new Forwarded(headers.first(HeaderNames.X_FORWARDED_FOR), headers.first(HeaderNames.X_FORWARDED_PROTO),
                            headers.first(HeaderNames.X_FORWARDED_HOST))));
            return headers.first(WsUpgrader.PROTOCOL)
                    .map(offered -> WritableHeaders.create().set(WsUpgrader.PROTOCOL, offered.split(",")[0].strip()));
        }

        @Override
        public void onMessage(WsSession session, String text, boolean last) {
            if (text.equals("bye")) {
                session.close(4001, "bye from notebook");
            } else {
                session.send("echo:" + text, last);
            }
        }

        @Override
        public void onMessage(WsSession session, BufferData buffer, boolean last) {
            byte[] bytes = new byte[buffer.available()];
            buffer.read(bytes);
            session.send(BufferData.create(bytes), last);
        }

        @Override
        public void onPing(WsSession session, BufferData buffer) {
            session.pong(buffer);
        }

        @Override
        public void onClose(WsSession session, int status, String reason) {
            closeCodeReceived.complete(status);
        }
    }

    @Override
    public void close() {
        server.stop();
    }
}

package org.aapf.adapter.in.http.gateway;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.http.HttpClient;
import java.net.http.WebSocket;
import java.net.http.WebSocketHandshakeException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class GatewayWebSocketTest {

    private static final String PATH = "/proxy/abc/jupyter/api/kernels/k1/channels";

    private FakeWsNotebook notebook;
    private ProxyHarness proxy;
    private final HttpClient client = HttpClient.newHttpClient();

    @BeforeEach
    void start() {
        notebook = new FakeWsNotebook();
        proxy = new ProxyHarness(new ProxySettings(Duration.ofSeconds(2), Duration.ofSeconds(5), Set.of()));
        proxy.routes.ready("abc", notebook.port());
    }

    @AfterEach
    void stop() {
        proxy.close();
        notebook.close();
        client.shutdownNow();
    }

    @Test
    void relaysTextAndBinaryBothWays() throws Exception {
        Recorder recorder = new Recorder();
        WebSocket socket = open(PATH + "?token=t0k", Optional.of(proxy.origin()), recorder);

        socket.sendText("hello", true).join();
        assertEquals("echo:hello", recorder.next());
        byte[] payload = new byte[200_000];
        new java.util.Random(7).nextBytes(payload);
        socket.sendBinary(ByteBuffer.wrap(payload), true).join();
        assertArrayEquals(payload, recorder.nextBinary(payload.length));
        socket.sendClose(1000, "done").join();
    }

    @Test
    void aQuietWebSocketOutlivesTheIdleTimeoutOfNotebookHttp() throws Exception {
        proxy.close();
        proxy = new ProxyHarness(new ProxySettings(Duration.ofSeconds(2), Duration.ofMillis(300), Set.of()));
        proxy.routes.ready("abc", notebook.port());
        Recorder recorder = new Recorder();
        WebSocket socket = open(PATH, Optional.empty(), recorder);

        Thread.sleep(900); // three idle timeouts without a byte either way: a kernel may stay quiet for long

        socket.sendText("still there", true).join();
        assertEquals("echo:still there", recorder.next());
        socket.sendClose(1000, "done").join();
    }

    @Test
    void handshakeCarriesPathQueryCookieAndAuthorizationWithTheNotebooksOrigin() throws Exception {
        WebSocket socket = client.newWebSocketBuilder()
                .header("Origin", proxy.origin())
                .header("Cookie", "_xsrf=x; username-127-0-0-1=y")
                .header("Authorization", "token t0k")
                .subprotocols("v1.kernel.websocket.jupyter.org")
                .buildAsync(proxy.ws(PATH + "?token=t0k&session_id=s1"), new Recorder()).get(5, TimeUnit.SECONDS);

        FakeWsNotebook.Handshake seen = notebook.handshake.get(5, TimeUnit.SECONDS);
        assertEquals(PATH, seen.rawPath());
        assertEquals("token=t0k&session_id=s1", seen.rawQuery());
        assertEquals(Optional.of("_xsrf=x; username-127-0-0-1=y"), seen.cookie());
        assertEquals(Optional.of("token t0k"), seen.authorization());
        assertEquals(Optional.of("http://127.0.0.1:" + notebook.port()), seen.origin());
        assertEquals("v1.kernel.websocket.jupyter.org", socket.getSubprotocol());
        socket.abort();
    }

    @Test
    void handshakeCarriesForwardedHeadersLikeHttpRequests() throws Exception {
        WebSocket socket = client.newWebSocketBuilder()
                .header("X-Forwarded-For", "10.0.0.9")
                .buildAsync(proxy.ws(PATH), new Recorder()).get(5, TimeUnit.SECONDS);

        FakeWsNotebook.Forwarded seen = notebook.handshake.get(5, TimeUnit.SECONDS).forwarded();
        assertEquals(Optional.of("10.0.0.9, 127.0.0.1"), seen.forwardedFor());
        assertEquals(Optional.of("http"), seen.proto());
        assertEquals(Optional.of("127.0.0.1:" + proxy.port()), seen.host());
        socket.abort();
    }

    @Test
    void relaysPingAndPong() throws Exception {
        Recorder recorder = new Recorder();
        WebSocket socket = open(PATH, Optional.empty(), recorder);

        socket.sendPing(ByteBuffer.wrap("are-you-there".getBytes(StandardCharsets.UTF_8))).join();

        assertEquals("pong:are-you-there", recorder.next());
        socket.abort();
    }

    @Test
    void propagatesTheNotebooksClose() throws Exception {
        Recorder recorder = new Recorder();
        WebSocket socket = open(PATH, Optional.empty(), recorder);

        socket.sendText("bye", true).join();

        assertEquals("close:4001", recorder.next());
        socket.abort();
    }

    @Test
    void propagatesTheBrowsersClose() throws Exception {
        WebSocket socket = open(PATH, Optional.empty(), new Recorder());

        socket.sendClose(4002, "closing").join();

        assertEquals(4002, notebook.closeCodeReceived.get(5, TimeUnit.SECONDS));
    }

    @Test
    void refusesAForeignOrigin() {
        ExecutionException refused = org.junit.jupiter.api.Assertions.assertThrows(ExecutionException.class,
                () -> open(PATH, Optional.of("http://evil.example"), new Recorder()));

        assertEquals(403, ((WebSocketHandshakeException) refused.getCause()).getResponse().statusCode());
        assertTrue(!notebook.handshake.isDone(), "the notebook must not see a refused handshake");
    }

    @Test
    void givenAllowList_acceptsListedOriginAndRefusesOthers() throws Exception {
        try (ProxyHarness listed = new ProxyHarness(new ProxySettings(Duration.ofSeconds(2), Duration.ofSeconds(5),
                Set.of("https://aapf.example.org")))) {
            listed.routes.ready("abc", notebook.port());
            WebSocket socket = client.newWebSocketBuilder().header("Origin", "https://aapf.example.org")
                    .buildAsync(listed.ws(PATH), new Recorder()).get(5, TimeUnit.SECONDS);
            socket.abort();

            ExecutionException refused = org.junit.jupiter.api.Assertions.assertThrows(ExecutionException.class,
                    () -> client.newWebSocketBuilder().header("Origin", "https://evil.example.org")
                            .buildAsync(listed.ws(PATH), new Recorder()).get(5, TimeUnit.SECONDS));
            assertEquals(403, ((WebSocketHandshakeException) refused.getCause()).getResponse().statusCode());
        }
    }

    @Test
    void givenNotebookNotReady_handshakeIs503() {
        proxy.routes.notReady("later", "STARTING");

        ExecutionException refused = org.junit.jupiter.api.Assertions.assertThrows(ExecutionException.class,
                () -> open("/proxy/later/jupyter/api/kernels/k1/channels", Optional.empty(), new Recorder()));

        assertEquals(503, ((WebSocketHandshakeException) refused.getCause()).getResponse().statusCode());
    }

    @Test
    void givenUnknownNotebook_handshakeIs404() {
        ExecutionException refused = org.junit.jupiter.api.Assertions.assertThrows(ExecutionException.class,
                () -> open("/proxy/nosuch/jupyter/api/kernels/k1/channels", Optional.empty(), new Recorder()));

        assertEquals(404, ((WebSocketHandshakeException) refused.getCause()).getResponse().statusCode());
    }

    @Test
    void givenNotebookRefusingWebSockets_handshakeIs502Json() throws Exception {
        try (FakeHttpNotebook plainHttp = new FakeHttpNotebook()) {
            proxy.routes.ready("plain", plainHttp.port());

            ExecutionException refused = org.junit.jupiter.api.Assertions.assertThrows(ExecutionException.class,
                    () -> open("/proxy/plain/jupyter/api/kernels/k1/channels", Optional.empty(), new Recorder()));
            RawHttp.Response raw = rawUpgrade("/proxy/plain/jupyter/api/kernels/k1/channels?token=secret");

            assertEquals(502, ((WebSocketHandshakeException) refused.getCause()).getResponse().statusCode());
            assertEquals(502, raw.status());
            assertEquals("application/json", raw.header("Content-Type"));
            assertEquals("{\"message\":\"The notebook cannot be reached.\"}", raw.body());
        }
    }

    @Test
    void givenNotebookDown_handshakeIs502Json() throws Exception {
        int closedPort;
        try (java.net.ServerSocket socket = new java.net.ServerSocket(0)) {
            closedPort = socket.getLocalPort();
        }
        proxy.routes.ready("down", closedPort);

        RawHttp.Response raw = rawUpgrade("/proxy/down/jupyter/api/kernels/k1/channels");

        assertEquals(502, raw.status());
        assertEquals("{\"message\":\"The notebook cannot be reached.\"}", raw.body());
    }

    private RawHttp.Response rawUpgrade(String pathAndQuery) throws java.io.IOException {
        return RawHttp.send(proxy.port(), "GET " + pathAndQuery + " HTTP/1.1", "Upgrade: websocket",
                "Sec-WebSocket-Key: dGhlIHNhbXBsZSBub25jZQ==", "Sec-WebSocket-Version: 13");
    }

    private WebSocket open(String pathAndQuery, Optional<String> origin, Recorder recorder) throws Exception {
        WebSocket.Builder builder = client.newWebSocketBuilder();
        origin.ifPresent(value -> builder.header("Origin", value));
        return builder.buildAsync(proxy.ws(pathAndQuery), recorder).get(5, TimeUnit.SECONDS);
    }

    /** Collects what the browser side receives, as strings ({@code pong:...}, {@code close:<code>}) or bytes. */
    private static final class Recorder implements WebSocket.Listener {
        private final LinkedBlockingQueue<Object> received = new LinkedBlockingQueue<>();
        private final StringBuilder text = new StringBuilder();
        private final java.io.ByteArrayOutputStream binary = new java.io.ByteArrayOutputStream();

        @Override
        public CompletionStage<?> onText(WebSocket webSocket, CharSequence data, boolean last) {
            text.append(data);
            if (last) {
                received.add(text.toString());
                text.setLength(0);
            }
            webSocket.request(1);
            return null;
        }

        @Override
        public CompletionStage<?> onBinary(WebSocket webSocket, ByteBuffer data, boolean last) {
            byte[] bytes = new byte[data.remaining()];
            data.get(bytes);
            binary.writeBytes(bytes);
            if (last) {
                received.add(binary.toByteArray());
                binary.reset();
            }
            webSocket.request(1);
            return null;
        }

        @Override
        public CompletionStage<?> onPong(WebSocket webSocket, ByteBuffer message) {
            received.add("pong:" + StandardCharsets.UTF_8.decode(message));
            webSocket.request(1);
            return null;
        }

        @Override
        public CompletionStage<?> onClose(WebSocket webSocket, int statusCode, String reason) {
            received.add("close:" + statusCode);
            return CompletableFuture.completedFuture(null);
        }

        Object poll() throws InterruptedException {
            Object item = received.poll(5, TimeUnit.SECONDS);
            if (item == null) {
                throw new AssertionError("nothing received within 5 s");
            }
            return item;
        }

        String next() throws InterruptedException {
            return (String) poll();
        }

        byte[] nextBinary(int expectedLength) throws InterruptedException {
            byte[] bytes = (byte[]) poll();
            assertEquals(expectedLength, bytes.length);
            return bytes;
        }
    }
}

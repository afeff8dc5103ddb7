package org.aapf.adapter.in.http.gateway;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

import org.junit.jupiter.api.Test;

/**
 * The proxy's connections to a notebook that misbehaves at the TCP level (a scripted raw-socket notebook): one that
 * stops reading an upload, one that drops each kept-alive connection after answering, one that stalls mid-body. The
 * proxy gives up after the idle timeout (1 s here) instead of hanging, and never sends a request with a body twice.
 */
class GatewayConnectionTest {

    private static final Duration IDLE = Duration.ofSeconds(1);
    private static final Duration PROMPTLY = Duration.ofSeconds(10);
    private static final long UPLOAD = 64L * 1024 * 1024;
    private static final int ANNOUNCED = 100_000;
    private static final int SENT_BEFORE_STALL = 30_000;
    /** The head of an answer small enough for the proxy to read whole before relaying it. */
    private static final String SMALL_ANSWER_HEAD =
            "HTTP/1.1 200 OK\r\nContent-Type: application/json\r\nX-Notebook: yes\r\nContent-Length: 1000\r\n\r\n";

    @Test
    void givenNotebookStopsReadingAnUpload_clientGets504AndTheNotebookConnectionIsClosed() throws Exception {
        CompletableFuture<Boolean> notebookSawClose = new CompletableFuture<>();
        AtomicLong uploaded = new AtomicLong();
        try (ScriptedNotebook notebook = new ScriptedNotebook(8 * 1024, connection -> {
                if (connection.readHead() != null) {
                    connection.hold(); // reads nothing of the body
                    notebookSawClose.complete(connection.closedByPeerWithin(PROMPTLY));
                }
            });
             ProxyHarness proxy = harness("upload", notebook.port());
             Socket client = client(proxy)) {
            long start = System.nanoTime();
            Thread uploader = Thread.ofVirtual().name("upload-client").start(() -> upload(client,
                    "PUT /proxy/upload/jupyter/api/contents/big.bin HTTP/1.1\r\nHost: 127.0.0.1:" + proxy.port()
                            + "\r\nContent-Type: application/octet-stream\r\nContent-Length: " + UPLOAD + "\r\n\r\n",
                    uploaded));
            try {
                Answer answer = readAnswer(client.getInputStream());
                Duration elapsed = since(start);
                long uploadedWhenAnswered = uploaded.get();

                assertEquals(504, answer.status());
                assertEquals("application/json", answer.header("content-type"));
                assertEquals("{\"message\":\"The notebook did not answer in time.\"}", answer.text());
                assertTrue(uploadedWhenAnswered < UPLOAD,
                        "answered while the upload was stuck, not after it: " + uploadedWhenAnswered + " bytes sent");
                assertTrue(elapsed.compareTo(IDLE) >= 0, "gave up before the idle timeout: " + elapsed);
                assertTrue(elapsed.compareTo(PROMPTLY) < 0, "gave up only after " + elapsed);
                notebook.release();
                assertTrue(notebookSawClose.get(20, TimeUnit.SECONDS), "the proxy left the notebook connection open");
                assertEquals(1, notebook.requests.size());
            } finally {
                client.close(); // ends the upload if the proxy is still reading it
                assertTrue(uploader.join(Duration.ofSeconds(5)), "the uploading client did not stop");
            }
        }
    }

    /**
     * A notebook that drops every connection after answering, a proxy and one client connection, after a first GET:
     * the proxy's pool now holds a dead connection to the notebook.
     */
    private record Dropped(ScriptedNotebook notebook, ProxyHarness proxy, Socket client, Answer first)
            implements AutoCloseable {

        static Dropped afterFirstGet() throws Exception {
            ScriptedNotebook notebook = new ScriptedNotebook(0, GatewayConnectionTest::answerOkAndClose);
            ProxyHarness proxy = harness("dropping", notebook.port());
            Socket client = GatewayConnectionTest.client(proxy);
            try {
                Answer first = exchange(client, proxy, "GET /proxy/dropping/jupyter/api/first HTTP/1.1");
                assertTrue(notebook.awaitClosed(1, PROMPTLY), "the notebook did not close its connection");
                return new Dropped(notebook, proxy, client, first);
            } catch (Exception | AssertionError e) {
                new Dropped(notebook, proxy, client, null).close();
                throw e;
            }
        }

        /** Sends one more request on the same client connection and reads its answer. */
        Answer send(String requestLine, List<String> headers, String body) throws Exception {
            return exchange(client, proxy, requestLine, headers, body);
        }

        @Override
        public void close() throws Exception {
            try (notebook; proxy; client) {
                // closed in reverse order: the client, the proxy, then the notebook
            }
        }
    }

    @Test
    void givenNotebookDroppedTheKeptAliveConnection_aGetIsSentAgainOnAFreshOne() throws Exception {
        try (Dropped dropped = Dropped.afterFirstGet()) {
            // On the same client connection, the proxy handles the second request only after the first one's
            // handler returned, its notebook connection back in the pool: the proxy sends the GET on the dead one.
            Answer second = dropped.send("GET /proxy/dropping/jupyter/api/second HTTP/1.1", List.of(), "");
            ScriptedNotebook notebook = dropped.notebook();

            assertEquals(200, dropped.first().status());
            assertEquals("ok", dropped.first().text());
            assertEquals(200, second.status());
            assertEquals("ok", second.text());
            assertEquals(List.of("GET /proxy/dropping/jupyter/api/first HTTP/1.1",
                    "GET /proxy/dropping/jupyter/api/second HTTP/1.1"), notebook.requests);
            assertEquals(2, notebook.accepted.get());
        }
    }

    @Test
    void givenNotebookDroppedTheKeptAliveConnection_aPostWithABodyIsNeverSentTwice() throws Exception {
        try (Dropped dropped = Dropped.afterFirstGet()) {
            Answer post = dropped.send("POST /proxy/dropping/jupyter/api/kernels HTTP/1.1",
                    List.of("Content-Type: application/json", "Content-Length: 13"), "{\"name\":\"py\"}");
            ScriptedNotebook notebook = dropped.notebook();

            assertEquals(200, dropped.first().status());
            assertTrue(post.status() == 200 || post.status() == 502, "unexpected status " + post.status());
            long posts = notebook.requests.stream().filter(line -> line.startsWith("POST ")).count();
            assertTrue(posts <= 1, "the POST reached the notebook " + posts + " times");
            assertTrue(notebook.requests.size() <= 2, "the notebook saw " + notebook.requests);
        }
    }

    @Test
    void givenNotebookDropsAPostItHasRead_thePostIsNotSentAgain() throws Exception {
        try (ScriptedNotebook notebook = new ScriptedNotebook(0, connection -> {
                String head = connection.readHead();
                if (head != null) {
                    connection.readBody(head); // and closes without answering
                }
            });
             ProxyHarness proxy = harness("crashing", notebook.port());
             Socket client = client(proxy)) {
            Answer post = exchange(client, proxy, "POST /proxy/crashing/jupyter/api/kernels HTTP/1.1",
                    List.of("Content-Type: application/json", "Content-Length: 13"), "{\"name\":\"py\"}");

            assertEquals(List.of("POST /proxy/crashing/jupyter/api/kernels HTTP/1.1"), notebook.requests);
            assertEquals(502, post.status());
        }
    }

    @Test
    void givenNotebookStallsMidBody_clientSeesTheBodyCutShortSoonAfterTheIdleTimeout() throws Exception {
        CompletableFuture<Boolean> notebookSawClose = new CompletableFuture<>();
        try (ScriptedNotebook notebook = new ScriptedNotebook(0, connection -> {
                if (connection.readHead() != null) {
                    connection.send("HTTP/1.1 200 OK\r\nContent-Type: application/octet-stream\r\nContent-Length: "
                            + ANNOUNCED + "\r\n\r\n");
                    connection.send(new byte[SENT_BEFORE_STALL]);
                    notebookSawClose.complete(connection.closedByPeerWithin(PROMPTLY)); // sends nothing more
                }
            });
             ProxyHarness proxy = harness("stall", notebook.port());
             Socket client = client(proxy)) {
            long start = System.nanoTime();
            Answer answer = exchange(client, proxy, "GET /proxy/stall/jupyter/files/big.bin HTTP/1.1",
                    "Connection: close");
            Duration elapsed = since(start);

            assertEquals(200, answer.status());
            assertEquals(String.valueOf(ANNOUNCED), answer.header("content-length"));
            assertTrue(answer.cut(), "the connection should end before the announced body");
            assertTrue(answer.body().length <= SENT_BEFORE_STALL, "got " + answer.body().length + " bytes");
            assertTrue(elapsed.compareTo(IDLE) >= 0, "cut before the idle timeout: " + elapsed);
            assertTrue(elapsed.compareTo(PROMPTLY) < 0, "cut only after " + elapsed);
            assertTrue(notebookSawClose.get(20, TimeUnit.SECONDS), "the proxy left the notebook connection open");
        }
    }

    @Test
    void givenNotebookStallsMidwayThroughASmallBody_clientGets504Json() throws Exception {
        CompletableFuture<Boolean> notebookSawClose = new CompletableFuture<>();
        try (ScriptedNotebook notebook = new ScriptedNotebook(0, connection -> {
                if (connection.readHead() != null) {
                    connection.send(SMALL_ANSWER_HEAD + "{\"content\":[");
                    notebookSawClose.complete(connection.closedByPeerWithin(PROMPTLY)); // sends nothing more
                }
            });
             ProxyHarness proxy = harness("stall", notebook.port());
             Socket client = client(proxy)) {
            long start = System.nanoTime();
            Answer answer = exchange(client, proxy, "GET /proxy/stall/jupyter/api/contents HTTP/1.1");
            Duration elapsed = since(start);

            // Nothing went to the client yet: the proxy answers as for a notebook that never answered.
            assertEquals(504, answer.status());
            assertEquals("{\"message\":\"The notebook did not answer in time.\"}", answer.text());
            assertNull(answer.header("x-notebook"), "a header of the unfinished answer reached the client");
            assertTrue(elapsed.compareTo(IDLE) >= 0, "gave up before the idle timeout: " + elapsed);
            assertTrue(elapsed.compareTo(PROMPTLY) < 0, "gave up only after " + elapsed);
            assertTrue(notebookSawClose.get(20, TimeUnit.SECONDS), "the proxy left the notebook connection open");
        }
    }

    @Test
    void givenNotebookClosesMidwayThroughASmallBody_clientGets502Json() throws Exception {
        try (ScriptedNotebook notebook = new ScriptedNotebook(0, connection -> {
                if (connection.readHead() != null) {
                    connection.send(SMALL_ANSWER_HEAD + "{\"content\":["); // and closes
                }
            });
             ProxyHarness proxy = harness("closing", notebook.port());
             Socket client = client(proxy)) {
            Answer answer = exchange(client, proxy, "GET /proxy/closing/jupyter/api/contents HTTP/1.1");

            assertEquals(502, answer.status());
            assertEquals("{\"message\":\"The notebook cannot be reached.\"}", answer.text());
            assertNull(answer.header("x-notebook"), "a header of the unfinished answer reached the client");
            assertEquals(1, notebook.requests.size());
        }
    }

    /** Answers one request with a kept-alive {@code 200 ok}, then closes the connection (returning does). */
    private static void answerOkAndClose(ScriptedNotebook.Connection connection) throws IOException {
        String head = connection.readHead();
        if (head != null) {
            connection.readBody(head);
            connection.send("HTTP/1.1 200 OK\r\nContent-Type: text/plain\r\nContent-Length: 2\r\n\r\nok");
        }
    }

    private static ProxyHarness harness(String proxyId, int notebookPort) {
        ProxyHarness proxy = new ProxyHarness(new ProxySettings(Duration.ofSeconds(2), IDLE, Set.of()));
        proxy.routes.ready(proxyId, notebookPort);
        return proxy;
    }

    private static Socket client(ProxyHarness proxy) throws IOException {
        Socket socket = new Socket(InetAddress.getLoopbackAddress(), proxy.port());
        socket.setSoTimeout(20_000); // a hang fails the test rather than blocking the build
        return socket;
    }

    private static Duration since(long startNanos) {
        return Duration.ofNanos(System.nanoTime() - startNanos);
    }

    /** Sends a bodiless request on {@code client} (kept alive unless a header says otherwise), reads the answer. */
    private static Answer exchange(Socket client, ProxyHarness proxy, String requestLine, String... headers)
            throws IOException {
        return exchange(client, proxy, requestLine, List.of(headers), "");
    }

    private static Answer exchange(Socket client, ProxyHarness proxy, String requestLine, List<String> headers,
                                   String body) throws IOException {
        StringBuilder request = new StringBuilder(requestLine).append("\r\n");
        request.append("Host: 127.0.0.1:").append(proxy.port()).append("\r\n");
        for (String header : headers) {
            request.append(header).append("\r\n");
        }
        request.append("\r\n").append(body);
        OutputStream out = client.getOutputStream();
        out.write(request.toString().getBytes(StandardCharsets.ISO_8859_1));
        out.flush();
        return readAnswer(client.getInputStream());
    }

    /** Writes {@code head}, then zeros up to the announced length, until done or a write fails. */
    private static void upload(Socket client, String head, AtomicLong sent) {
        try {
            OutputStream out = client.getOutputStream();
            out.write(head.getBytes(StandardCharsets.ISO_8859_1));
            byte[] chunk = new byte[64 * 1024];
            while (sent.get() < UPLOAD) {
                out.write(chunk);
                sent.addAndGet(chunk.length);
            }
        } catch (IOException e) {
            // the proxy or the test closed the connection
        }
    }

    /**
     * Reads a response head and then its body until the announced length, the end of the stream, or a reset. A
     * client read that times out means the proxy hung, and fails the test.
     */
    private static Answer readAnswer(InputStream in) throws IOException {
        String head;
        try {
            head = ScriptedNotebook.readHead(in);
        } catch (SocketTimeoutException e) {
            throw new AssertionError("the proxy hung: no answer within the client's read timeout", e);
        }
        assertNotNull(head, "the connection ended before any answer");
        String length = ScriptedNotebook.header(head, "content-length");
        assertNotNull(length, "no Content-Length in " + head);
        long announced = Long.parseLong(length);
        ByteArrayOutputStream body = new ByteArrayOutputStream();
        byte[] buffer = new byte[16 * 1024];
        try {
            while (body.size() < announced) {
                int n = in.read(buffer, 0, (int) Math.min(buffer.length, announced - body.size()));
                if (n < 0) {
                    break;
                }
                body.write(buffer, 0, n);
            }
        } catch (SocketTimeoutException e) {
            throw new AssertionError("the proxy hung: no byte within the client's read timeout", e);
        } catch (IOException e) {
            // reset: the body ends here
        }
        return new Answer(Integer.parseInt(head.split(" ")[1]), head, body.toByteArray(), body.size() < announced);
    }

    /** A response as a raw client read it: the head, and the body bytes that came before the connection ended. */
    private record Answer(int status, String head, byte[] body, boolean cut) {

        String header(String name) {
            return ScriptedNotebook.header(head, name);
        }

        String text() {
            assertFalse(cut, "the body was cut short");
            return new String(body, StandardCharsets.UTF_8);
        }
    }
}

package org.aapf.adapter.out.spark;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * What a user's service may answer, straight from a socket: a notebook's owner controls it, so it may drip its
 * answer or send far too much. Each case ends in one timeout with nothing read, and the connection is dropped.
 */
@Timeout(60)
class JsonOverHttpTest {

    private static final String CHUNKED_HEAD = "HTTP/1.1 200 OK\r\nContent-Type: application/json\r\n"
            + "Transfer-Encoding: chunked\r\n\r\n";

    private final JsonOverHttp http = new JsonOverHttp(Duration.ofSeconds(1));
    private final AtomicLong bytesWritten = new AtomicLong();
    private final CompletableFuture<IOException> serverEnd = new CompletableFuture<>();
    private ServerSocket server;

    @AfterEach
    void close() throws IOException {
        server.close();
    }

    @Test
    void aDocumentAnswered200_isRead() throws Exception {
        URI uri = serve(out -> answer(out, "200 OK", "{\"workers\": []}"));

        assertTrue(http.get(uri, Optional.empty()).orElseThrow().path("workers").isArray());
    }

    @Test
    void anotherStatusOrABodyThatIsNotJson_isNothing() throws Exception {
        assertEquals(Optional.empty(), http.get(serve(out -> answer(out, "403 Forbidden", "{}")), Optional.empty()));
        server.close();
        assertEquals(Optional.empty(), http.get(serve(out -> answer(out, "200 OK", "<html>")), Optional.empty()));
    }

    @Test
    void anAnswerThatDripsForever_endsAtTheTimeout_andTheConnectionIsDropped() throws Exception {
        URI uri = serve(out -> {
            out.write(CHUNKED_HEAD.getBytes(StandardCharsets.US_ASCII));
            while (!server.isClosed()) {
                out.write("1\r\n \r\n".getBytes(StandardCharsets.US_ASCII));
                out.flush();
                sleep(100);
            }
        });

        assertEquals(Optional.empty(), http.get(uri, Optional.empty()));
        assertTrue(serverEnd.get(10, TimeUnit.SECONDS) != null, "the service's writes fail once the probe gives up");
    }

    @Test
    void anAnswerOverTheCap_isRefusedAsItArrives() throws Exception {
        byte[] chunk = ("10000\r\n" + " ".repeat(0x10000) + "\r\n").getBytes(StandardCharsets.US_ASCII);
        URI uri = serve(out -> {
            out.write(CHUNKED_HEAD.getBytes(StandardCharsets.US_ASCII));
            for (int i = 0; i < 16 * 1024; i++) { // 1 GiB, unless the reader stops first
                out.write(chunk);
                bytesWritten.addAndGet(chunk.length);
            }
            out.write("0\r\n\r\n".getBytes(StandardCharsets.US_ASCII));
        });

        assertEquals(Optional.empty(), http.get(uri, Optional.empty()));
        assertTrue(serverEnd.get(10, TimeUnit.SECONDS) != null, "the service's writes fail once the cap is passed");
        assertTrue(bytesWritten.get() < 64L * 1024 * 1024, bytesWritten + " bytes were sent before the reader stopped");
    }

    private URI serve(Answer answer) throws IOException {
        server = new ServerSocket(0, 1, InetAddress.getLoopbackAddress());
        Thread.ofVirtual().start(() -> {
            try (Socket socket = server.accept()) {
                socket.getInputStream().read(new byte[8192]);
                answer.write(socket.getOutputStream());
                serverEnd.complete(null);
            } catch (IOException e) {
                serverEnd.complete(e);
            }
        });
        return URI.create("http://127.0.0.1:" + server.getLocalPort() + "/json/");
    }

    private static void answer(OutputStream out, String status, String body) throws IOException {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        out.write(("HTTP/1.1 " + status + "\r\nContent-Type: application/json\r\nContent-Length: " + bytes.length
                + "\r\n\r\n").getBytes(StandardCharsets.US_ASCII));
        out.write(bytes);
        out.flush();
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    @FunctionalInterface
    private interface Answer {
        void write(OutputStream out) throws IOException;
    }
}

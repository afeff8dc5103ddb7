package org.aapf.adapter.in.http.gateway;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.zip.CRC32;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

/**
 * A stand-in notebook on a free loopback port (JDK HTTP server): records every request it gets and answers by the
 * last path segment ({@code big}, {@code upload}, {@code stall}, {@code redirect}, {@code headers},
 * {@code cookies}, else echo).
 */
final class FakeHttpNotebook implements AutoCloseable {

    static final int BIG = 50 * 1024 * 1024;
    static final int PAUSE_AT = 10 * 1024 * 1024;

    final List<Seen> seen = new CopyOnWriteArrayList<>();
    /** Counted down when an upload reached {@link #PAUSE_AT}; the upload then waits for {@link #resumeUpload}. */
    final CountDownLatch uploadPaused = new CountDownLatch(1);
    final CountDownLatch resumeUpload = new CountDownLatch(1);
    private final HttpServer server;

    FakeHttpNotebook() throws IOException {
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.setExecutor(Executors.newVirtualThreadPerTaskExecutor());
        server.createContext("/", this::handle);
        server.start();
    }

    int port() {
        return server.getAddress().getPort();
    }

    /** One request as the notebook saw it. */
    record Seen(String method, String rawPath, String rawQuery, Map<String, List<String>> headers) {
        String header(String name) {
            List<String> values = headers.get(name.toLowerCase(Locale.ROOT));
            return values == null ? null : String.join(",", values);
        }
    }

    private void handle(HttpExchange exchange) throws IOException {
        Map<String, List<String>> headers = new TreeMap<>();
        exchange.getRequestHeaders().forEach((name, values) -> headers.put(name.toLowerCase(Locale.ROOT), values));
        String rawPath = exchange.getRequestURI().getRawPath();
        seen.add(new Seen(exchange.getRequestMethod(), rawPath, exchange.getRequestURI().getRawQuery(), headers));
        String action = rawPath.substring(rawPath.lastIndexOf('/') + 1);
        try (exchange) {
            switch (action) {
                case "big" -> sendBig(exchange);
                case "upload" -> receiveUpload(exchange);
                case "stall" -> stall(exchange);
                case "redirect" -> redirect(exchange);
                case "headers" -> hopByHopResponse(exchange);
                case "cookies" -> setCookies(exchange);
                default -> echo(exchange);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static void echo(HttpExchange exchange) throws IOException {
        byte[] body = exchange.getRequestBody().readAllBytes();
        byte[] answer = (exchange.getRequestMethod() + " " + new String(body, StandardCharsets.UTF_8))
                .getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().add("Content-Type", "text/plain");
        exchange.sendResponseHeaders(200, answer.length);
        exchange.getResponseBody().write(answer);
    }

    private static void sendBig(HttpExchange exchange) throws IOException {
        exchange.sendResponseHeaders(200, BIG);
        try (OutputStream out = exchange.getResponseBody(); InputStream data = new PatternStream(BIG)) {
            data.transferTo(out);
        }
    }

    private void receiveUpload(HttpExchange exchange) throws IOException, InterruptedException {
        CRC32 crc = new CRC32();
        long total = 0;
        byte[] buffer = new byte[64 * 1024];
        InputStream in = exchange.getRequestBody();
        for (int n; (n = in.read(buffer)) > 0; total += n) {
            crc.update(buffer, 0, n);
            if (total < PAUSE_AT && total + n >= PAUSE_AT) {
                uploadPaused.countDown();
                resumeUpload.await(30, TimeUnit.SECONDS);
            }
        }
        byte[] answer = (total + " " + crc.getValue()).getBytes(StandardCharsets.UTF_8);
        exchange.sendResponseHeaders(200, answer.length);
        exchange.getResponseBody().write(answer);
    }

    private static void stall(HttpExchange exchange) throws IOException, InterruptedException {
        Thread.sleep(3_000);
        exchange.sendResponseHeaders(204, -1);
    }

    private void redirect(HttpExchange exchange) throws IOException {
        exchange.getResponseHeaders().add("Location", "http://127.0.0.1:" + port() + "/proxy/abc/jupyter/tree");
        exchange.sendResponseHeaders(302, -1);
    }

    private static void hopByHopResponse(HttpExchange exchange) throws IOException {
        exchange.getResponseHeaders().add("Keep-Alive", "timeout=5");
        exchange.getResponseHeaders().add("Proxy-Authenticate", "Basic");
        exchange.getResponseHeaders().add("Upgrade", "h2c");
        exchange.getResponseHeaders().add("X-Upstream", "yes");
        exchange.getResponseHeaders().add("Link", "</a.css>; rel=preload");
        exchange.getResponseHeaders().add("Link", "</b.js>; rel=preload");
        exchange.sendResponseHeaders(200, -1);
    }

    /** Jupyter Notebook 6.4's cookies, and the kinds a hostile notebook would set to reach AAPF or other notebooks. */
    private static void setCookies(HttpExchange exchange) throws IOException {
        String tree = "/proxy/" + exchange.getRequestURI().getRawPath().split("/")[2];
        for (String cookie : List.of("_xsrf=2|ab|cd|1700000000; Path=/",
                "username-x=\"2|1:0|10:1700000000|u\"; Path=" + tree + "/jupyter/; HttpOnly", "defaultPath=1",
                "sibling=1; Path=" + tree + "x/", "toss=1; Domain=localhost; Path=/", "=; Path=/")) {
            exchange.getResponseHeaders().add("Set-Cookie", cookie);
        }
        exchange.sendResponseHeaders(200, -1);
    }

    @Override
    public void close() {
        server.stop(0);
    }

    /** A deterministic byte sequence of a given length, generated on the fly (never held in memory). */
    static final class PatternStream extends InputStream {
        private final long length;
        private long position;

        PatternStream(long length) {
            this.length = length;
        }

        static int byteAt(long position) {
            return (int) ((position * 31 + (position >>> 13)) & 0xff);
        }

        @Override
        public int read() {
            return position < length ? byteAt(position++) : -1;
        }

        @Override
        public int read(byte[] buffer, int offset, int count) {
            if (position >= length) {
                return -1;
            }
            int n = (int) Math.min(count, length - position);
            for (int i = 0; i < n; i++) {
                buffer[offset + i] = (byte) byteAt(position++);
            }
            return n;
        }
    }
}

package org.aapf.adapter.in.http.gateway;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.SocketException;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

import io.helidon.webserver.WebServer;
import io.helidon.webserver.http.HttpRouting;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Slow and greedy clients against the gateway, over real sockets: trickled heads and bodies are cut off,
 * fair clients are not, and connections over the per-address or total cap are refused while others go on.
 */
class ListenerLimitsTest {

    private static final Duration HEAD = Duration.ofSeconds(1);
    private static final Duration BODY = Duration.ofSeconds(1);
    private static final int MIN_RATE = 100;

    private static FakeHttpNotebook notebook;
    private static NotebookAdmission proxy;
    private static WebServer helidon;
    private static Gateway deadlines;
    private static Gateway capped;

    @BeforeAll
    static void start() throws IOException {
        notebook = new FakeHttpNotebook();
        FakeNotebookRoutes routes = new FakeNotebookRoutes();
        routes.ready("abc", notebook.port());
        proxy = new NotebookAdmission(routes, new ProxySettings(Duration.ofSeconds(2), Duration.ofSeconds(30), Set.of()));
        HttpRouting.Builder http = HttpRouting.builder()
                .get("/api/hello", (req, res) -> res.send("hello"))
                .post("/api/length", (req, res) -> res.send(Integer.toString(req.content().as(byte[].class).length)));
        helidon = WebServer.builder().host("127.0.0.1").port(0).routing(http).build().start();
        deadlines = Gateway.start("127.0.0.1", 0, helidon.port(),
                new ListenerLimits(HEAD, BODY, MIN_RATE, 0, 0), proxy);
        capped = Gateway.start("127.0.0.1", 0, helidon.port(),
                new ListenerLimits(Duration.ofSeconds(30), Duration.ofSeconds(30), MIN_RATE, 4, 3), proxy);
    }

    @AfterAll
    static void stop() {
        deadlines.close();
        capped.close();
        helidon.stop();
        notebook.close();
    }

    @Test
    void aHeadTrickledAByteAtATime_isCutOffWith408() throws Exception {
        try (Socket socket = connect(deadlines, "127.0.0.1")) {
            long began = System.nanoTime();
            String answer = trickle(socket, "GET /api/hello HTTP/1.1\r\nHost: x\r\nX-Slow: aaaaaaaaaaaaaaaaaaaa\r\n\r\n");

            assertTrue(answer.startsWith("HTTP/1.1 408 "), answer);
            assertTrue(answer.contains("Cache-Control: no-store"), answer);
            assertTrue(secondsSince(began) < 5, "cut off after about the head deadline");
        }
    }

    @Test
    void aBodyTrickledAByteAtATime_isCutOff_andNotPassedOn() throws Exception {
        try (Socket socket = connect(deadlines, "127.0.0.1")) {
            OutputStream out = socket.getOutputStream();
            out.write("POST /api/length HTTP/1.1\r\nHost: x\r\nContent-Length: 100\r\n\r\n"
                    .getBytes(StandardCharsets.US_ASCII));
            out.flush();
            long began = System.nanoTime();
            String answer = trickle(socket, "x".repeat(100));

            assertTrue(answer.isEmpty() || !answer.startsWith("HTTP/1.1 200"), answer);
            assertTrue(secondsSince(began) < 6, "cut off after about the body deadline");
        }
    }

    @Test
    void aBodyArrivingAtAFairRate_outlastsTheInitialDeadline() throws Exception {
        try (Socket socket = connect(deadlines, "127.0.0.1")) {
            OutputStream out = socket.getOutputStream();
            int pieces = 6;
            int piece = 200;
            out.write(("POST /api/length HTTP/1.1\r\nHost: x\r\nConnection: close\r\nContent-Length: "
                    + pieces * piece + "\r\n\r\n").getBytes(StandardCharsets.US_ASCII));
            for (int i = 0; i < pieces; i++) {
                out.write("y".repeat(piece).getBytes(StandardCharsets.US_ASCII));
                out.flush();
                Thread.sleep(400);
            }
            String answer = readAll(socket);

            assertTrue(answer.startsWith("HTTP/1.1 200 "), answer);
            assertTrue(answer.endsWith("\r\n\r\n" + pieces * piece), answer);
        }
    }

    @Test
    void aKeptAliveConnection_waitsForItsNextRequestWithoutAHeadDeadline() throws Exception {
        try (Socket socket = connect(deadlines, "127.0.0.1")) {
            OutputStream out = socket.getOutputStream();
            out.write("GET /api/hello HTTP/1.1\r\nHost: x\r\n\r\n".getBytes(StandardCharsets.US_ASCII));
            out.flush();
            assertTrue(readHead(socket.getInputStream()).startsWith("HTTP/1.1 200 "));
            Thread.sleep(HEAD.toMillis() * 2);

            out.write("GET /api/hello HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n"
                    .getBytes(StandardCharsets.US_ASCII));
            String second = readAll(socket);

            assertTrue(second.startsWith("HTTP/1.1 200 "), second);
        }
    }

    @Test
    void connectionsOverThePerAddressCap_areRefused_whileOtherAddressesAndHeldConnectionsGoOn() throws Exception {
        List<Socket> held = new ArrayList<>();
        try {
            for (int i = 0; i < 3; i++) {
                held.add(connect(capped, "127.0.0.1"));
            }
            awaitOpen(3);
            try (Socket over = connect(capped, "127.0.0.1")) {
                String refusal = readAll(over);
                assertTrue(refusal.startsWith("HTTP/1.1 503 "), refusal);
                assertTrue(refusal.contains("Retry-After: 5"), refusal);
            }
            try (Socket other = connect(capped, "127.0.0.2")) {
                assertTrue(get(other).startsWith("HTTP/1.1 200 "), "another address is not affected");
            }
            assertTrue(get(held.get(0)).startsWith("HTTP/1.1 200 "), "the held connections still work");

            held.remove(0).close();
            awaitOpen(2);
            try (Socket again = connect(capped, "127.0.0.1")) {
                assertTrue(get(again).startsWith("HTTP/1.1 200 "), "a freed place is taken again");
            }
        } finally {
            for (Socket socket : held) {
                socket.close();
            }
        }
    }

    @Test
    void connectionsOverTheTotalCap_areRefused() throws Exception {
        awaitOpen(0); // an earlier test's connections may still be closing (per-address caps would count them)
        List<Socket> held = new ArrayList<>();
        try {
            held.add(connect(capped, "127.0.0.3"));
            held.add(connect(capped, "127.0.0.3"));
            held.add(connect(capped, "127.0.0.4"));
            held.add(connect(capped, "127.0.0.5"));
            awaitOpen(4);
            try (Socket over = connect(capped, "127.0.0.6")) {
                String refusal = readAll(over);
                assertTrue(refusal.startsWith("HTTP/1.1 503 "), refusal);
            }
            assertTrue(get(held.get(3)).startsWith("HTTP/1.1 200 "));
        } finally {
            for (Socket socket : held) {
                socket.close();
            }
        }
    }

    private static Socket connect(Gateway front, String from) throws IOException {
        Socket socket = new Socket();
        socket.bind(new InetSocketAddress(InetAddress.getByName(from), 0));
        socket.connect(new InetSocketAddress("127.0.0.1", front.port()), 5_000);
        socket.setSoTimeout(10_000);
        return socket;
    }

    /** The server counts a connection once it is accepted, which may be a moment after connect returns. */
    private static void awaitOpen(int count) throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofSeconds(5).toNanos();
        while (capped.openConnections() != count && System.nanoTime() < deadline) {
            Thread.sleep(10);
        }
        assertEquals(count, capped.openConnections());
    }

    /** Sends {@code text} a byte every 400 ms until the server answers or closes; returns what it answered. */
    private static String trickle(Socket socket, String text) throws IOException, InterruptedException {
        OutputStream out = socket.getOutputStream();
        InputStream in = socket.getInputStream();
        socket.setSoTimeout(400);
        ByteArrayOutputStream answer = new ByteArrayOutputStream();
        for (byte b : text.getBytes(StandardCharsets.US_ASCII)) {
            try {
                out.write(b);
                out.flush();
            } catch (SocketException closed) {
                break;
            }
            try {
                int n = in.read();
                if (n < 0) {
                    break;
                }
                answer.write(n);
                answer.write(in.readNBytes(in.available()));
                socket.setSoTimeout(2_000);
                answer.write(in.readAllBytes());
                break;
            } catch (SocketTimeoutException stillWaiting) {
                // the server has not answered yet: send the next byte
            } catch (SocketException reset) {
                break;
            }
        }
        return answer.toString(StandardCharsets.ISO_8859_1);
    }

    private static String get(Socket socket) throws IOException {
        socket.getOutputStream().write("GET /api/hello HTTP/1.1\r\nHost: x\r\n\r\n".getBytes(StandardCharsets.US_ASCII));
        socket.getOutputStream().flush();
        return readHead(socket.getInputStream());
    }

    private static String readHead(InputStream in) throws IOException {
        ByteArrayOutputStream head = new ByteArrayOutputStream();
        while (!head.toString(StandardCharsets.ISO_8859_1).endsWith("\r\n\r\n")) {
            int b = in.read();
            if (b < 0) {
                break;
            }
            head.write(b);
        }
        String text = head.toString(StandardCharsets.ISO_8859_1);
        int length = text.lines().filter(line -> line.toLowerCase(java.util.Locale.ROOT).startsWith("content-length:"))
                .map(line -> Integer.parseInt(line.substring(line.indexOf(':') + 1).strip())).findFirst().orElse(0);
        in.readNBytes(length);
        return text;
    }

    private static String readAll(Socket socket) throws IOException {
        try {
            return new String(socket.getInputStream().readAllBytes(), StandardCharsets.ISO_8859_1);
        } catch (SocketException reset) {
            return "";
        }
    }

    private static double secondsSince(long nanos) {
        return (System.nanoTime() - nanos) / 1e9;
    }
}

package org.aapf.adapter.in.http.gateway;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;

import io.helidon.webserver.WebServer;
import io.helidon.webserver.http.HttpRouting;
import org.aapf.adapter.in.http.FrontPeer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * What the gateway adds besides serving notebooks (the other gateway tests cover those):
 * the client's address for the Helidon side, requests of one connection answered in order whichever side serves
 * them, malformed requests refused with JSON, and an address it cannot have named in one line.
 */
class GatewayTest {

    private static FakeHttpNotebook notebook;
    private static NotebookAdmission proxy;
    private static WebServer helidon;
    private static Gateway front;

    @BeforeAll
    static void start() throws Exception {
        notebook = new FakeHttpNotebook();
        FakeNotebookRoutes routes = new FakeNotebookRoutes();
        routes.ready("abc", notebook.port());
        proxy = new NotebookAdmission(routes, new ProxySettings(Duration.ofSeconds(2), Duration.ofSeconds(2), Set.of()));
        HttpRouting.Builder http = HttpRouting.builder()
                .get("/api/whoami", (req, res) -> res.send(FrontPeer.address(req)))
                .post("/api/echo", (req, res) -> res.send("echo " + req.content().as(String.class)))
                .get("/api/stream", (req, res) -> {
                    try (var out = res.outputStream()) { // no length: Helidon sends it chunked
                        out.write("first ".getBytes(StandardCharsets.UTF_8));
                        out.flush();
                        out.write("second".getBytes(StandardCharsets.UTF_8));
                    }
                });
        helidon = WebServer.builder().host("127.0.0.1").port(0).routing(http).build().start();
        front = Gateway.start("127.0.0.1", 0, helidon.port(), ListenerLimits.defaults(), proxy);
    }

    @AfterAll
    static void stop() {
        front.close();
        helidon.stop();
        notebook.close();
    }

    @BeforeEach
    void forget() {
        notebook.seen.clear();
    }

    @Test
    void anAddressInUse_isRefusedInOneLineNamingIt() throws Exception {
        try (ServerSocket taken = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            int port = taken.getLocalPort();

            UncheckedIOException refused = assertThrows(UncheckedIOException.class,
                    () -> Gateway.start("127.0.0.1", port, helidon.port(), ListenerLimits.defaults(), proxy));

            assertEquals("Cannot listen on 127.0.0.1:" + port + ": Address already in use", refused.getMessage());
        }
    }

    @Test
    void anHttp10Client_isServed_aBodyOfUnknownLengthUpToTheClose() throws Exception {
        RawHttp.Response whoami = RawHttp.send(front.port(), "GET /api/whoami HTTP/1.0");
        RawHttp.Response streamed = RawHttp.send(front.port(), "GET /api/stream HTTP/1.0");
        RawHttp.Response notebookAnswer = RawHttp.send(front.port(), "GET /proxy/abc/jupyter/api/status HTTP/1.0");

        assertEquals(200, whoami.status());
        assertEquals("127.0.0.1", whoami.body());
        assertEquals(200, streamed.status());
        assertFalse(streamed.hasHeader("Transfer-Encoding"), "an HTTP/1.0 client knows no chunks");
        assertEquals("close", streamed.header("Connection"));
        assertEquals("first second", streamed.body());
        assertEquals(200, notebookAnswer.status(), "a notebook too");
    }

    @Test
    void anHttp10ClientAskingForKeepAlive_keepsItsConnection() throws Exception {
        String twoRequests = "GET /api/whoami HTTP/1.0\r\nConnection: keep-alive\r\n\r\nGET /api/whoami HTTP/1.0\r\n\r\n";
        try (Socket socket = new Socket("127.0.0.1", front.port())) {
            socket.setSoTimeout(10_000);
            socket.getOutputStream().write(twoRequests.getBytes(StandardCharsets.ISO_8859_1));
            String answers = new String(socket.getInputStream().readAllBytes(), StandardCharsets.ISO_8859_1);

            assertEquals(2, answers.split("HTTP/1.1 200 OK", -1).length - 1, answers);
            assertTrue(answers.toLowerCase(Locale.ROOT).contains("connection: keep-alive"), answers);
        }
    }

    @Test
    void anotherHttpVersion_isRefusedInPlainWords() throws Exception {
        RawHttp.Response refused = RawHttp.send(front.port(), "GET /api/whoami HTTP/2.0");

        assertEquals(400, refused.status());
        assertEquals("{\"message\":\"Only HTTP/1.1 and HTTP/1.0 are served.\"}", refused.body());
    }

    @Test
    void helidonSeesTheClientsAddress_andNoClientCanForgeIt() throws Exception {
        RawHttp.Response relayed = RawHttp.send(front.port(), "GET /api/whoami HTTP/1.1",
                FrontPeer.HEADER + ": 10.9.8.7");
        RawHttp.Response direct = RawHttp.send(helidon.port(), "GET /api/whoami HTTP/1.1",
                FrontPeer.HEADER + ": 10.9.8.7");

        assertEquals(200, relayed.status());
        assertEquals("127.0.0.1", relayed.body(), "the front's own seal names the client, the forged one is gone");
        assertEquals("127.0.0.1", direct.body(), "an unsealed header is not believed");
    }

    @Test
    void notebooksNeverSeeTheFrontsHeader() throws Exception {
        RawHttp.Response answer = RawHttp.send(front.port(), "GET /proxy/abc/jupyter/api/status HTTP/1.1",
                FrontPeer.HEADER + ": 10.9.8.7");

        assertEquals(200, answer.status());
        assertFalse(notebook.seen.getFirst().headers().containsKey(FrontPeer.HEADER.toLowerCase(Locale.ROOT)));
    }

    @Test
    void pipelinedRequestsAreAnsweredInOrder_whicheverSideServesThem() throws Exception {
        try (Socket socket = new Socket("127.0.0.1", front.port())) {
            socket.setSoTimeout(10_000);
            String host = "Host: 127.0.0.1:" + front.port() + "\r\n";
            socket.getOutputStream().write((""
                    + "POST /proxy/abc/jupyter/api/one HTTP/1.1\r\n" + host + "Content-Length: 3\r\n\r\nuno"
                    + "POST /api/echo HTTP/1.1\r\n" + host + "Content-Length: 3\r\n\r\ndos"
                    + "GET /proxy/abc/jupyter/api/three HTTP/1.1\r\n" + host + "\r\n"
                    + "GET /api/whoami HTTP/1.1\r\n" + host + "Connection: close\r\n\r\n")
                    .getBytes(StandardCharsets.US_ASCII));
            List<String> bodies = readResponses(socket.getInputStream());

            assertEquals(List.of("POST uno", "echo dos", "GET ", "127.0.0.1"), bodies);
        }
    }

    @Test
    void aMalformedRequestGets400Json_andTheConnectionEnds() throws Exception {
        try (Socket socket = new Socket("127.0.0.1", front.port())) {
            socket.setSoTimeout(10_000);
            socket.getOutputStream().write("GET /proxy/abc/jupyter/x HTTP/1.1\r\nBad Header\r\n\r\n"
                    .getBytes(StandardCharsets.US_ASCII));
            String answer = new String(socket.getInputStream().readAllBytes(), StandardCharsets.ISO_8859_1);

            assertTrue(answer.startsWith("HTTP/1.1 400 "), answer);
            assertTrue(answer.endsWith("{\"message\":\"The request is not valid HTTP/1.1.\"}"), answer);
            assertTrue(notebook.seen.isEmpty());
        }
    }

    /** Reads responses with a Content-Length until the server closes the connection; returns their bodies. */
    private static List<String> readResponses(InputStream in) throws IOException {
        List<String> bodies = new ArrayList<>();
        while (true) {
            String head = readHead(in);
            if (head.isEmpty()) {
                return bodies;
            }
            int length = head.lines().filter(l -> l.toLowerCase(Locale.ROOT).startsWith("content-length:"))
                    .map(l -> Integer.parseInt(l.substring("content-length:".length()).strip()))
                    .findFirst().orElseThrow(() -> new AssertionError("no Content-Length in\n" + head));
            bodies.add(new String(in.readNBytes(length), StandardCharsets.UTF_8));
        }
    }

    private static String readHead(InputStream in) throws IOException {
        ByteArrayOutputStream head = new ByteArrayOutputStream();
        int matched = 0;
        for (int b; matched < 4 && (b = in.read()) >= 0; ) {
            head.write(b);
            matched = (b == '\r' || b == '\n') && "\r\n\r\n".charAt(matched) == b ? matched + 1 : 0;
        }
        return head.toString(StandardCharsets.ISO_8859_1);
    }
}

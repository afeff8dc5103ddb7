package org.aapf.adapter.in.http.gateway;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.ServerSocket;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.Set;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class GatewayHttpTest {

    private static FakeHttpNotebook notebook;
    private static ProxyHarness proxy;
    private static final HttpClient CLIENT = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();

    @BeforeAll
    static void start() throws Exception {
        notebook = new FakeHttpNotebook();
        proxy = new ProxyHarness(new ProxySettings(Duration.ofSeconds(2), Duration.ofSeconds(1), Set.of()));
        proxy.routes.ready("abc", notebook.port()).notReady("starting1", "STARTING").stopped("parked1");
    }

    @AfterAll
    static void stop() {
        proxy.close();
        notebook.close();
        CLIENT.close();
    }

    @BeforeEach
    void forget() {
        notebook.seen.clear();
    }

    @Test
    void forwardsMethodRawPathAndRawQueryUnchanged() throws Exception {
        HttpResponse<String> response = CLIENT.send(HttpRequest.newBuilder(
                        proxy.http("/proxy/abc/jupyter/api/contents/my%20dir/n%C3%A9.ipynb?token=t0k&x=%2F%20&a=1&flag&a=2"))
                .method("PATCH", HttpRequest.BodyPublishers.ofString("{\"a\":1}")).build(),
                HttpResponse.BodyHandlers.ofString());

        assertEquals(200, response.statusCode());
        assertEquals("PATCH {\"a\":1}", response.body());
        FakeHttpNotebook.Seen seen = notebook.seen.getFirst();
        assertEquals("PATCH", seen.method());
        assertEquals("/proxy/abc/jupyter/api/contents/my%20dir/n%C3%A9.ipynb", seen.rawPath());
        // not reordered, regrouped or normalized: the notebook sees what the browser sent
        assertEquals("token=t0k&x=%2F%20&a=1&flag&a=2", seen.rawQuery());
    }

    @Test
    void keepsAnEmptyBodysContentLength_andSendsNoneWhereTheClientSentNone() throws Exception {
        RawHttp.Response empty = RawHttp.send(proxy.port(),
                "POST /proxy/abc/jupyter/api/kernels/k/restart HTTP/1.1", "Content-Length: 0");
        RawHttp.Response none = RawHttp.send(proxy.port(), "GET /proxy/abc/jupyter/api/status HTTP/1.1");

        assertEquals(200, empty.status());
        assertEquals("POST ", empty.body());
        assertEquals("0", notebook.seen.get(0).header("Content-Length"));
        assertEquals(200, none.status());
        assertNull(notebook.seen.get(1).header("Content-Length"));
        assertNull(notebook.seen.get(1).header("Transfer-Encoding"));
    }

    @Test
    void forwardsTheBaseUrlItself() throws Exception {
        HttpResponse<String> response = CLIENT.send(HttpRequest.newBuilder(proxy.http("/proxy/abc/jupyter")).build(),
                HttpResponse.BodyHandlers.ofString());

        assertEquals(200, response.statusCode());
        assertEquals("/proxy/abc/jupyter", notebook.seen.getFirst().rawPath());
    }

    @Test
    void dropsHopByHopRequestHeadersAndSetsForwardedOnes() throws Exception {
        RawHttp.Response response = RawHttp.send(proxy.port(),
                "GET /proxy/abc/jupyter/api/status HTTP/1.1",
                "Keep-Alive: timeout=5", "TE: trailers", "Proxy-Authorization: Basic eDp5",
                "X-Drop-Me: secret", "Connection: X-Drop-Me",
                "Authorization: token t0k", "Cookie: _xsrf=1; session=2", "X-Keep: kept",
                "X-Forwarded-For: 10.0.0.9");

        assertEquals(200, response.status());
        FakeHttpNotebook.Seen seen = notebook.seen.getFirst();
        for (String dropped : List.of("keep-alive", "te", "proxy-authorization", "x-drop-me")) {
            assertNull(seen.header(dropped), dropped + " must not reach the notebook");
        }
        assertEquals("token t0k", seen.header("authorization"));
        assertEquals("_xsrf=1; session=2", seen.header("cookie"));
        assertEquals("kept", seen.header("x-keep"));
        assertEquals("10.0.0.9, 127.0.0.1", seen.header("x-forwarded-for"));
        assertEquals("http", seen.header("x-forwarded-proto"));
        assertEquals("127.0.0.1:" + proxy.port(), seen.header("x-forwarded-host"));
        assertEquals("127.0.0.1:" + notebook.port(), seen.header("host"));
    }

    @Test
    void anUpgradeToAnotherProtocolThanWebSocket_isForwardedAsPlainHttp() throws Exception {
        RawHttp.Response response = RawHttp.send(proxy.port(),
                "GET /proxy/abc/jupyter/api/status HTTP/1.1",
                "Connection: Upgrade, HTTP2-Settings", "Upgrade: h2c", "HTTP2-Settings: AAMAAABkAAQAAP__");

        assertEquals(200, response.status(), "curl --http2 on plain http offers h2c: the answer is HTTP/1.1");
        FakeHttpNotebook.Seen seen = notebook.seen.getFirst();
        assertNull(seen.header("upgrade"));
        assertNull(seen.header("http2-settings"));
    }

    @Test
    void dropsHopByHopResponseHeadersAndKeepsRepeatedOnes() throws Exception {
        RawHttp.Response response = RawHttp.send(proxy.port(), "GET /proxy/abc/jupyter/headers HTTP/1.1");

        assertEquals(200, response.status());
        assertFalse(response.hasHeader("Keep-Alive"));
        assertFalse(response.hasHeader("Proxy-Authenticate"));
        assertFalse(response.hasHeader("Upgrade"));
        assertEquals("yes", response.header("X-Upstream"));
        assertEquals(2, response.headers("Link").size());
    }

    @Test
    void keepsRedirectsOnTheProxy() throws Exception {
        HttpResponse<String> response = CLIENT.send(
                HttpRequest.newBuilder(proxy.http("/proxy/abc/jupyter/redirect")).build(),
                HttpResponse.BodyHandlers.ofString());

        assertEquals(302, response.statusCode());
        assertEquals("/proxy/abc/jupyter/tree", response.headers().firstValue("Location").orElseThrow());
    }

    @Test
    void presentsAnAllowedOriginAsTheNotebooksOwn() throws Exception {
        RawHttp.Response response = RawHttp.send(proxy.port(),
                "POST /proxy/abc/jupyter/api/kernels HTTP/1.1", "Origin: " + proxy.origin(), "Content-Length: 0");

        assertEquals(200, response.status());
        assertEquals("http://127.0.0.1:" + notebook.port(), notebook.seen.getFirst().header("origin"));
    }

    @Test
    void refusesAForeignOriginWith403() throws Exception {
        RawHttp.Response response = RawHttp.send(proxy.port(),
                "POST /proxy/abc/jupyter/api/kernels HTTP/1.1", "Origin: http://evil.example", "Content-Length: 0");

        assertEquals(403, response.status());
        assertTrue(response.body().contains("\"message\""));
        assertTrue(notebook.seen.isEmpty());
    }

    @Test
    void givenUnknownProxyId_requestIs404Json() throws Exception {
        HttpResponse<String> response = CLIENT.send(
                HttpRequest.newBuilder(proxy.http("/proxy/nosuchid/jupyter/api/status")).build(),
                HttpResponse.BodyHandlers.ofString());

        assertEquals(404, response.statusCode());
        assertEquals("application/json", response.headers().firstValue("Content-Type").orElseThrow());
        assertEquals("{\"message\":\"No notebook is served at this address.\"}", response.body());
    }

    @Test
    void givenNotebookNotReady_requestIs503JsonWithRetryAfter() throws Exception {
        HttpResponse<String> response = CLIENT.send(
                HttpRequest.newBuilder(proxy.http("/proxy/starting1/jupyter/api/status")).build(),
                HttpResponse.BodyHandlers.ofString());

        assertEquals(503, response.statusCode());
        assertTrue(response.body().startsWith("{\"message\":\"The notebook is not ready yet (STARTING)"));
        assertEquals("5", response.headers().firstValue("Retry-After").orElseThrow());
    }

    @Test
    void givenClusterStopped_requestIs503JsonSayingHowToStartIt() throws Exception {
        HttpResponse<String> response = CLIENT.send(
                HttpRequest.newBuilder(proxy.http("/proxy/parked1/jupyter/api/contents/keep.txt")).build(),
                HttpResponse.BodyHandlers.ofString());

        assertEquals(503, response.statusCode());
        assertEquals("application/json", response.headers().firstValue("Content-Type").orElseThrow());
        assertTrue(response.body().startsWith("{\"message\":\"This notebook's AACluster is stopped. Its owner starts"
                + " it again with POST /api/v1/aaclusters/{name}/start"), response.body());
    }

    @Test
    void givenNotebookUnreachable_requestIs502Json() throws Exception {
        int closedPort;
        try (ServerSocket socket = new ServerSocket(0)) {
            closedPort = socket.getLocalPort();
        }
        proxy.routes.ready("gone", closedPort);

        HttpResponse<String> response = CLIENT.send(
                HttpRequest.newBuilder(proxy.http("/proxy/gone/jupyter/api/status?token=secret")).build(),
                HttpResponse.BodyHandlers.ofString());

        assertEquals(502, response.statusCode());
        assertEquals("{\"message\":\"The notebook cannot be reached.\"}", response.body());
    }

    @Test
    void givenNotebookSilentLongerThanIdleTimeout_requestIs504Json() throws Exception {
        HttpResponse<String> response = CLIENT.send(
                HttpRequest.newBuilder(proxy.http("/proxy/abc/jupyter/stall")).build(),
                HttpResponse.BodyHandlers.ofString());

        assertEquals(504, response.statusCode());
        assertTrue(response.body().contains("did not answer in time"));
    }
}

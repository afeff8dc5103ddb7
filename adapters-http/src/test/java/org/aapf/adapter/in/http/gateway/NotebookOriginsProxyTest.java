package org.aapf.adapter.in.http.gateway;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.List;
import java.util.Set;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Each notebook's own origin ({@code <proxyId>.localhost:<port>}), on both proxy paths: it serves its own notebook
 * only; AAPF's origin sends browser navigations there and sandboxes what notebooks answer; AAPF's credentials never
 * reach a notebook.
 */
class NotebookOriginsProxyTest {

    private static FakeHttpNotebook notebook;
    private static ProxyHarness proxy;

    @BeforeAll
    static void start() throws Exception {
        notebook = new FakeHttpNotebook();
        proxy = new ProxyHarness(new ProxySettings(Duration.ofSeconds(2), Duration.ofSeconds(2), Set.of()));
        proxy.routes.ready("abc", notebook.port()).ready("other", notebook.port());
    }

    @AfterAll
    static void stop() {
        proxy.close();
        notebook.close();
    }

    @BeforeEach
    void forget() {
        notebook.seen.clear();
    }

    private static String own() {
        return "abc.localhost:" + proxy.port();
    }

    @Test
    void notebookOrigin_servesItsNotebookUnsandboxed() throws Exception {
        RawHttp.Response response = RawHttp.sendAs(own(), proxy.port(), "GET /proxy/abc/jupyter/tree?x=1 HTTP/1.1");

        assertEquals(200, response.status());
        assertNull(response.header("Content-Security-Policy"), "the notebook's own origin is not sandboxed");
        assertEquals("/proxy/abc/jupyter/tree", notebook.seen.getFirst().rawPath());
    }

    @Test
    void notebookOrigin_answers404ForTheApiTheWebUiAndOtherNotebooks() throws Exception {
        for (String target : List.of("/api/v1/aaclusters", "/", "/index.html", "/health/live",
                "/proxy/other/jupyter/tree", "/proxy/abcd/jupyter/", "/proxy/abc/jupyterx", "/proxy/abc/")) {
            RawHttp.Response response = RawHttp.sendAs(own(), proxy.port(), "GET " + target + " HTTP/1.1");

            assertEquals(404, response.status(), target);
            assertTrue(response.body().contains("No notebook is served at this address."), target);
        }
        assertEquals(List.of(), notebook.seen, "no other notebook was reached");
    }

    @Test
    void aHostUnderTheNotebookDomainThatNamesNoNotebook_servesNothing() throws Exception {
        RawHttp.Response response = RawHttp.sendAs("x.abc.localhost:" + proxy.port(), proxy.port(),
                "GET /proxy/abc/jupyter/tree HTTP/1.1");

        assertEquals(404, response.status());
    }

    @Test
    void aapfOrigin_redirectsABrowserNavigationToTheNotebooksOrigin() throws Exception {
        RawHttp.Response response = RawHttp.send(proxy.port(), "GET /proxy/abc/jupyter/tree?x=%2F1 HTTP/1.1",
                "Sec-Fetch-Mode: navigate", "Accept: text/html");

        assertEquals(307, response.status());
        // the AAPF origin was addressed as 127.0.0.1:<port>; the notebook's origin keeps the scheme and the port
        assertEquals("http://abc.localhost:" + proxy.port() + "/proxy/abc/jupyter/tree?x=%2F1",
                response.header("Location"));
        assertEquals(List.of(), notebook.seen);
    }

    @Test
    void aapfOrigin_redirectsAnOldBrowsersPageRequestAndHonoursXForwardedProto() throws Exception {
        RawHttp.Response response = RawHttp.send(proxy.port(), "GET /proxy/abc/jupyter/ HTTP/1.1",
                "Accept: text/html,application/xhtml+xml", "X-Forwarded-Proto: https");

        assertEquals(307, response.status());
        assertEquals("https://abc.localhost:" + proxy.port() + "/proxy/abc/jupyter/", response.header("Location"));
    }

    @Test
    void aapfOrigin_redirectsAFormPostWith307SoTheBrowserPostsItToTheNotebooksOrigin() throws Exception {
        RawHttp.Response response = RawHttp.send(proxy.port(), "POST /proxy/abc/jupyter/login?next=x HTTP/1.1",
                "Sec-Fetch-Mode: navigate", "Content-Type: application/x-www-form-urlencoded", "Content-Length: 0");

        assertEquals(307, response.status());
        assertEquals("http://abc.localhost:" + proxy.port() + "/proxy/abc/jupyter/login?next=x",
                response.header("Location"));
        assertEquals(List.of(), notebook.seen);
    }

    @Test
    void aapfOrigin_forwardsProgrammaticRequestsButSandboxesTheAnswer() throws Exception {
        RawHttp.Response script = RawHttp.send(proxy.port(), "GET /proxy/abc/jupyter/api/status HTTP/1.1",
                "Sec-Fetch-Mode: cors", "Accept: text/html");
        RawHttp.Response curl = RawHttp.send(proxy.port(), "GET /proxy/abc/jupyter/api/status HTTP/1.1",
                "Accept: */*");

        for (RawHttp.Response response : List.of(script, curl)) {
            assertEquals(200, response.status());
            assertEquals(List.of("sandbox"), response.headers("Content-Security-Policy"));
        }
        assertEquals(2, notebook.seen.size());
    }

    @Test
    void notebookCookies_hostOnlyOnItsOrigin_scopedToItsTreeOnTheSharedPort_noneOnAapfs() throws Exception {
        String request = "GET /proxy/abc/jupyter/cookies HTTP/1.1";
        List<String> own = RawHttp.sendAs(own(), proxy.port(), request).headers("Set-Cookie");
        RawHttp.Response aapf = RawHttp.send(proxy.port(), request);
        List<String> shared;
        try (ProxyHarness sharedPort = new ProxyHarness(new ProxySettings(Duration.ofSeconds(2),
                Duration.ofSeconds(2), Set.of(), "", 3001))) {
            sharedPort.routes.ready("abc", notebook.port());
            shared = RawHttp.sendAs("127.0.0.1:3001", sharedPort.port(), request).headers("Set-Cookie");
        }

        assertEquals(List.of("_xsrf=2|ab|cd|1700000000; Path=/",
                "username-x=\"2|1:0|10:1700000000|u\"; Path=/proxy/abc/jupyter/; HttpOnly", "defaultPath=1",
                "sibling=1; Path=/proxy/abcx/"), own, "no Domain cookie (toss), nothing unreadable");
        assertEquals(200, aapf.status());
        assertEquals(List.of(), aapf.headers("Set-Cookie"), "a cookie on AAPF's origin would reach the API");
        assertEquals(List.of("_xsrf=2|ab|cd|1700000000; Path=/proxy/abc/",
                "username-x=\"2|1:0|10:1700000000|u\"; Path=/proxy/abc/jupyter/; HttpOnly", "defaultPath=1",
                "sibling=1; Path=/proxy/abc/"), shared, "ports share cookies: Path=/ would reach AAPF's origin");
    }

    @Test
    void aapfCredentialsNeverReachTheNotebook_jupytersTokenDoes() throws Exception {
        RawHttp.send(proxy.port(), "GET /proxy/abc/jupyter/api/a HTTP/1.1", "Authorization: Bearer eyJ.aapf.jwt",
                "Cookie: aapf_session=s1; _xsrf=2|ab; AAPF-other=x; username-127-0-0-1-8888=\"u\"");
        RawHttp.sendAs(own(), proxy.port(), "GET /proxy/abc/jupyter/api/b HTTP/1.1",
                "Authorization: token jupyter-token", "Cookie: aapf=1");

        FakeHttpNotebook.Seen bearer = notebook.seen.get(0);
        assertNull(bearer.header("Authorization"));
        assertEquals("_xsrf=2|ab; username-127-0-0-1-8888=\"u\"", bearer.header("Cookie"));
        FakeHttpNotebook.Seen token = notebook.seen.get(1);
        assertEquals("token jupyter-token", token.header("Authorization"));
        assertNull(token.header("Cookie"));
    }

    @Test
    void notebookOrigin_allowsItsOwnOriginAndAapfsButNoOther() throws Exception {
        String path = "POST /proxy/abc/jupyter/login HTTP/1.1";
        assertEquals(200, RawHttp.sendAs(own(), proxy.port(), path, "Content-Length: 0",
                "Origin: http://" + own()).status());
        assertEquals(200, RawHttp.sendAs(own(), proxy.port(), path, "Content-Length: 0",
                "Origin: http://localhost:" + proxy.port()).status(), "the WebUI's origin");
        assertEquals(200, RawHttp.sendAs(own(), proxy.port(), path, "Content-Length: 0",
                "Origin: http://127.0.0.1:" + proxy.port()).status(), "the WebUI's origin by address");
        for (String foreign : List.of("http://other.localhost:" + proxy.port(), "http://evil.example",
                "http://localhost:1", "null")) {
            assertEquals(403, RawHttp.sendAs(own(), proxy.port(), path, "Content-Length: 0",
                    "Origin: " + foreign).status(), foreign);
        }
    }
}

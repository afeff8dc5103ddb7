package org.aapf.adapter.in.http.webui;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.InetAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpResponse.BodyHandlers;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import io.helidon.webserver.WebServer;
import org.aapf.adapter.in.http.gateway.ProxySettings;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The WebUI served from the real bundle on the classpath by a real Helidon server. */
class WebUiRoutingTest {

    private static final Pattern SCRIPT = Pattern.compile("src=\"(/assets/app-[A-Z0-9]+\\.js)\"");

    private static WebServer server;
    private static final HttpClient CLIENT = HttpClient.newHttpClient();

    @BeforeAll
    static void start() {
        WebUiRouting webUi = new WebUiRouting(ProxySettings.defaults());
        server = WebServer.builder().address(InetAddress.getLoopbackAddress()).port(0)
                .routing(webUi::register).build().start();
    }

    @AfterAll
    static void stop() {
        server.stop();
    }

    private static HttpResponse<String> get(String path, String... headers) throws IOException, InterruptedException {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + server.port() + path));
        if (headers.length > 0) {
            request.headers(headers);
        }
        return CLIENT.send(request.build(), BodyHandlers.ofString());
    }

    private static String header(HttpResponse<?> response, String name) {
        return response.headers().firstValue(name).orElse("");
    }

    @Test
    void rootServesIndexUncachedWithStrictSecurityHeaders() throws Exception {
        HttpResponse<String> response = get("/");

        assertEquals(200, response.statusCode());
        assertTrue(header(response, "Content-Type").startsWith("text/html"));
        assertTrue(response.body().contains("<div id=\"app\">"));
        assertEquals("no-cache", header(response, "Cache-Control"));
        assertEquals("nosniff", header(response, "X-Content-Type-Options"));
        assertEquals("strict-origin-when-cross-origin", header(response, "Referrer-Policy"));
        String csp = header(response, "Content-Security-Policy");
        assertTrue(csp.contains("default-src 'self'"), csp);
        assertTrue(csp.contains("frame-ancestors 'none'"), csp);
        assertTrue(csp.contains("connect-src 'self'"), csp);
        // "Open notebook" posts to a notebook's path here, redirected to the notebook's own origin
        assertTrue(csp.contains("form-action 'self' *.localhost:*"), csp);
        // ... straight to the notebook's origin, which the page names as the browser addressed this server
        Matcher origin = Pattern.compile("<meta name=\"aapf-notebook-origin\" content=\"([^\"]*)\">")
                .matcher(response.body());
        assertTrue(origin.find(), response.body());
        assertEquals("http://{proxyId}.localhost:" + response.uri().getPort(), origin.group(1));
        assertFalse(csp.contains("unsafe-inline"), csp);
    }

    @Test
    void indexNamesOnlySameOriginAssetsAndNoInlineScript() throws Exception {
        // the one other origin the page names is where notebooks live, a form's target and no resource
        String index = get("/index.html").body().replaceFirst("<meta name=\"aapf-notebook-origin\" content=\"[^\"]*\">", "");

        assertFalse(index.contains("http://") || index.contains("https://"), "no CDN or other origin: " + index);
        assertFalse(Pattern.compile("<script(?![^>]*\\bsrc=)").matcher(index).find(), "no inline script");
    }

    @Test
    void hashedScriptIsServedCacheableAsJavaScript() throws Exception {
        Matcher script = SCRIPT.matcher(get("/").body());
        assertTrue(script.find(), "index.html names a hashed script");

        HttpResponse<String> response = get(script.group(1));

        assertEquals(200, response.statusCode());
        assertTrue(header(response, "Content-Type").contains("javascript"), header(response, "Content-Type"));
        assertTrue(header(response, "Cache-Control").contains("immutable"));
        assertEquals("nosniff", header(response, "X-Content-Type-Options"));
    }

    @Test
    void unknownAssetIs404AndNotCached() throws Exception {
        HttpResponse<String> response = get("/assets/app-NOPE.js");

        assertEquals(404, response.statusCode());
        assertEquals("no-store", header(response, "Cache-Control"));
    }

    @Test
    void headOfRootAnswersLikeGetWithoutBody() throws Exception {
        HttpResponse<String> response = CLIENT.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + server.port() + "/"))
                .method("HEAD", HttpRequest.BodyPublishers.noBody()).build(), BodyHandlers.ofString());

        assertEquals(200, response.statusCode());
        assertEquals("no-cache", header(response, "Cache-Control"));
    }

    @Test
    void revalidatedAssetIs304WithoutBody() throws Exception {
        Matcher script = SCRIPT.matcher(get("/").body());
        assertTrue(script.find());
        String etag = header(get(script.group(1)), "ETag");
        assertFalse(etag.isEmpty(), "assets carry an ETag");

        HttpResponse<String> response = get(script.group(1), "If-None-Match", etag);

        assertEquals(304, response.statusCode());
        assertEquals("", response.body());
    }
}

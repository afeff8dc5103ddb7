package org.aapf.adapter.in.http.webui;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Optional;
import java.util.function.Predicate;
import jakarta.inject.Inject;
import io.helidon.http.HeaderNames;
import io.helidon.http.Method;
import io.helidon.http.PathMatchers;
import io.helidon.webserver.http.HttpRouting;
import io.helidon.webserver.http.HttpService;
import io.helidon.webserver.http.ServerRequest;
import io.helidon.webserver.http.ServerResponse;
import io.helidon.webserver.staticcontent.ClasspathHandlerConfig;
import io.helidon.webserver.staticcontent.StaticContentFeature;
import org.aapf.adapter.in.http.gateway.NotebookOrigins;
import org.aapf.adapter.in.http.gateway.ProxySettings;

/**
 * Serves the WebUI at {@code /}: {@code index.html} (never cached, so a new release is picked up at once) and the
 * content-hashed files under {@code /assets/} (cached for a year). Every response carries security headers that
 * allow only this origin's scripts, styles, API calls and form posts, and forbid framing.
 */
public final class WebUiRouting {

    /** Where the {@code aapf-webui} jar keeps the bundle. */
    static final String BUNDLE = "META-INF/aapf-webui";

    /**
     * The page's policy: this origin only, but that "Open notebook" posts its form to a notebook's path here, which
     * the server sends on (307) to the notebook's own origin, and {@code form-action} applies to that redirect too.
     */
    static String contentSecurityPolicy(ProxySettings proxy) {
        String notebookOrigins = proxy.notebookDomain().isEmpty() ? "*:" + proxy.notebookPort()
                : "*." + proxy.notebookDomain() + ":*";
        return String.join("; ",
                "default-src 'self'",
                "script-src 'self'",
                "style-src 'self'",
                "img-src 'self' data:",
                "connect-src 'self'",
                "form-action 'self' " + notebookOrigins,
                "frame-ancestors 'none'",
                "base-uri 'none'",
                "object-src 'none'");
    }

    private static final String INDEX_CACHE = "no-cache";
    /** Stands for the notebook's proxy id in the origin the page is told; the WebUI fills it in. */
    static final String PROXY_ID_TEMPLATE = "{proxyId}";
    private static final String ASSET_CACHE = "public, max-age=31536000, immutable";
    private static final String NOT_STORED = "no-store";
    private static final Predicate<Method> GET_OR_HEAD = Method.predicate(Method.GET, Method.HEAD);

    private final byte[] index;
    private final HttpService assets;
    private final String contentSecurityPolicy;
    private final NotebookOrigins notebookOrigins;

    @Inject
    public WebUiRouting(ProxySettings proxy) {
        this.contentSecurityPolicy = contentSecurityPolicy(proxy);
        this.notebookOrigins = new NotebookOrigins(proxy);
        this.index = readIndex();
        this.assets = StaticContentFeature.createService(ClasspathHandlerConfig.builder()
                .location(BUNDLE + "/assets")
                .build());
    }

    /** Adds the WebUI routes; register the API first so that its paths never reach these. */
    public void register(HttpRouting.Builder routing) {
        for (String index : List.of("/", "/index.html")) {
            routing.route(GET_OR_HEAD, PathMatchers.exact(index), this::sendIndex);
        }
        routing.route(GET_OR_HEAD, PathMatchers.create("/assets/*"), this::assetHeaders)
                .register("/assets", assets);
    }

    private void sendIndex(ServerRequest req, ServerResponse res) {
        securityHeaders(res);
        res.header(HeaderNames.CACHE_CONTROL, INDEX_CACHE);
        res.header(HeaderNames.CONTENT_TYPE, "text/html; charset=utf-8");
        res.send(withNotebookOrigin(req));
    }

    /**
     * The page, telling the WebUI where notebooks live ({@code <meta name="aapf-notebook-origin">}, e.g.
     * {@code http://{proxyId}.localhost:3000}, as the browser addressed this server): "Open notebook" posts its login
     * form straight to the notebook's own origin. Through a redirect the browser would send {@code Origin: null}.
     */
    private byte[] withNotebookOrigin(ServerRequest req) {
        Optional<String> origin = notebookOrigins.location(PROXY_ID_TEMPLATE, req.headers().first(HeaderNames.HOST),
                req.headers().first(HeaderNames.X_FORWARDED_PROTO), "");
        if (origin.isEmpty()) {
            return index;
        }
        String meta = "<meta name=\"aapf-notebook-origin\" content=\"" + escape(origin.get()) + "\">";
        return new String(index, StandardCharsets.UTF_8).replace("</head>", meta + "\n</head>")
                .getBytes(StandardCharsets.UTF_8);
    }

    private static String escape(String text) {
        return text.replace("&", "&amp;").replace("\"", "&quot;").replace("<", "&lt;").replace(">", "&gt;");
    }

    private void assetHeaders(ServerRequest req, ServerResponse res) {
        securityHeaders(res);
        // a missing asset must not be cached for a year: decide once the status is known
        res.beforeSend(() -> res.header(HeaderNames.CACHE_CONTROL, res.status().code() < 400 ? ASSET_CACHE : NOT_STORED));
        res.next();
    }

    private void securityHeaders(ServerResponse res) {
        res.header("Content-Security-Policy", contentSecurityPolicy);
        res.header(HeaderNames.X_CONTENT_TYPE_OPTIONS, "nosniff");
        // Neither no-referrer nor same-origin: under them browsers send "Origin: null" with the form that logs into a
        // notebook once it is redirected to the notebook's origin, and the notebook proxy rightly refuses such
        // requests. Cross-origin, this one tells the origin only (the WebUI keeps nothing in its paths).
        res.header("Referrer-Policy", "strict-origin-when-cross-origin");
        res.header("X-Frame-Options", "DENY");
    }

    private static byte[] readIndex() {
        try (InputStream in = WebUiRouting.class.getClassLoader().getResourceAsStream(BUNDLE + "/index.html")) {
            if (in == null) {
                throw new IllegalStateException("The WebUI bundle is missing from the classpath: " + BUNDLE
                        + "/index.html (build the aapf-webui module)");
            }
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read the WebUI's index.html", e);
        }
    }
}

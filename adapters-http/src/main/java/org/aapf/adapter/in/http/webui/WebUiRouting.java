package org.aapf.adapter.in.http.webui;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.List;
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

/**
 * Serves the WebUI at {@code /}: {@code index.html} (never cached, so a new release is picked up at once) and the
 * content-hashed files under {@code /assets/} (cached for a year). Every response carries security headers that
 * allow only this origin's scripts, styles, API calls and form posts, and forbid framing.
 */
public final class WebUiRouting {

    /** Where the {@code aapf-webui} jar keeps the bundle. */
    static final String BUNDLE = "META-INF/aapf-webui";

    static final String CONTENT_SECURITY_POLICY = String.join("; ",
            "default-src 'self'",
            "script-src 'self'",
            "style-src 'self'",
            "img-src 'self' data:",
            "connect-src 'self'",
            "form-action 'self'",
            "frame-ancestors 'none'",
            "base-uri 'none'",
            "object-src 'none'");

    private static final String INDEX_CACHE = "no-cache";
    private static final String ASSET_CACHE = "public, max-age=31536000, immutable";
    private static final String NOT_STORED = "no-store";
    private static final Predicate<Method> GET_OR_HEAD = Method.predicate(Method.GET, Method.HEAD);

    private final byte[] index;
    private final HttpService assets;

    @Inject
    public WebUiRouting() {
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
        res.send(index);
    }

    private void assetHeaders(ServerRequest req, ServerResponse res) {
        securityHeaders(res);
        // a missing asset must not be cached for a year: decide once the status is known
        res.beforeSend(() -> res.header(HeaderNames.CACHE_CONTROL, res.status().code() < 400 ? ASSET_CACHE : NOT_STORED));
        res.next();
    }

    private static void securityHeaders(ServerResponse res) {
        res.header("Content-Security-Policy", CONTENT_SECURITY_POLICY);
        res.header(HeaderNames.X_CONTENT_TYPE_OPTIONS, "nosniff");
        // Not no-referrer: under it browsers send "Origin: null" with the form that logs into a notebook, and the
        // notebook proxy rightly refuses such requests. same-origin still tells no other site where users come from.
        res.header("Referrer-Policy", "same-origin");
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

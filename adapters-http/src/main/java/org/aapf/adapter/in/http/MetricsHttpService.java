package org.aapf.adapter.in.http;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.Optional;
import java.util.function.Supplier;
import io.helidon.http.HeaderNames;
import io.helidon.http.HeaderValues;
import io.helidon.http.Status;
import io.helidon.webserver.http.HttpRules;
import io.helidon.webserver.http.ServerRequest;
import io.helidon.webserver.http.ServerResponse;
import io.helidon.webserver.http.HttpService;
import org.aapf.domain.error.AapfException;

/**
 * {@code GET /metrics} in the Prometheus text format, for scrapers presenting {@code Authorization: Bearer
 * <metrics.token>}. Without a configured token the endpoint does not exist (404): series reveal usage, so they are
 * never public by default.
 */
final class MetricsHttpService implements HttpService {

    static final String CONTENT_TYPE = "text/plain; version=0.0.4; charset=utf-8";

    private final Optional<byte[]> token;
    private final Supplier<String> scrape;

    MetricsHttpService(Optional<String> token, Supplier<String> scrape) {
        this.token = token.filter(it -> !it.isEmpty()).map(it -> it.getBytes(StandardCharsets.UTF_8));
        this.scrape = scrape;
    }

    @Override
    public void routing(HttpRules rules) {
        Endpoints.on(rules).get(OperationsRouting.METRICS_PATH, this::metrics).otherMethodsNotAllowed();
    }

    private void metrics(ServerRequest req, ServerResponse res) {
        if (token.isEmpty()) {
            throw AapfException.notFound("Not Found.");
        }
        if (!presented(req).map(given -> MessageDigest.isEqual(given, token.get())).orElse(false)) {
            res.header(HeaderNames.WWW_AUTHENTICATE, "Bearer");
            Json.send(res, Status.UNAUTHORIZED_401, new Message("The metrics token is missing or wrong."));
            return;
        }
        res.header(HeaderValues.create(HeaderNames.CONTENT_TYPE, CONTENT_TYPE));
        res.send(scrape.get().getBytes(StandardCharsets.UTF_8));
    }

    private static Optional<byte[]> presented(ServerRequest req) {
        return req.headers().first(HeaderNames.AUTHORIZATION)
                .map(String::strip)
                .filter(value -> value.regionMatches(true, 0, "Bearer ", 0, 7))
                .map(value -> value.substring(7).strip().getBytes(StandardCharsets.UTF_8));
    }
}

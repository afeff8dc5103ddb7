package org.aapf.adapter.in.http;

import java.time.Duration;
import io.helidon.http.HeaderName;
import io.helidon.http.HeaderNames;
import io.helidon.webserver.http.Filter;
import io.helidon.webserver.http.FilterChain;
import io.helidon.webserver.http.RoutingRequest;
import io.helidon.webserver.http.RoutingResponse;
import org.aapf.application.port.in.AuthenticatedUser;

/**
 * Writes one line per request to the {@code org.aapf.access} logger and reports it to {@link Metrics}
 * ({@link AccessLines} says what the line holds). The request id is taken from a well-formed {@code X-Request-Id} or
 * made up, and echoed. Probes and scrapes ({@code /health/*}, {@code /metrics}) are logged at DEBUG only.
 */
final class AccessLog implements Filter {

    static final HeaderName REQUEST_ID = HeaderNames.create(AccessLines.REQUEST_ID_HEADER);
    static final String UNMATCHED = "unmatched";

    private final Metrics metrics;

    AccessLog(Metrics metrics) {
        this.metrics = metrics;
    }

    @Override
    public void filter(FilterChain chain, RoutingRequest req, RoutingResponse res) {
        long started = System.nanoTime();
        String requestId = AccessLines.requestId(req.headers().first(REQUEST_ID).orElse(null));
        res.header(REQUEST_ID, requestId);
        try {
            chain.proceed();
        } finally {
            String route = req.matchingPattern().filter(pattern -> !pattern.isEmpty()).orElse(UNMATCHED);
            AccessLines.log(metrics, req.prologue().method().text(), route, res.status().code(),
                    Duration.ofNanos(System.nanoTime() - started), user(req), requestId);
        }
    }

    private static String user(RoutingRequest req) {
        return Caller.find(req).map(AuthenticatedUser::id).map(Object::toString).orElse("-");
    }
}

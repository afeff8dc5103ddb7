package org.aapf.adapter.in.http;

import java.time.Duration;
import java.util.UUID;
import java.util.regex.Pattern;
import io.helidon.http.HeaderName;
import io.helidon.http.HeaderNames;
import io.helidon.webserver.http.Filter;
import io.helidon.webserver.http.FilterChain;
import io.helidon.webserver.http.RoutingRequest;
import io.helidon.webserver.http.RoutingResponse;
import org.aapf.application.port.in.AuthenticatedUser;
import org.aapf.application.port.out.Metrics;

/**
 * Writes one line per request to the {@code org.aapf.access} logger and reports it to {@link Metrics}. The line names
 * the route template, never the raw path or query (they may carry a notebook token or a proxy id), and never a
 * header value but the request id: {@code method=GET route=/api/v1/aaclusters/{name} status=200 durationMs=4
 * user=<id> requestId=<id>}. The request id is taken from a well-formed {@code X-Request-Id} or made up, and echoed.
 * Probes and scrapes ({@code /health/*}, {@code /metrics}) are logged at DEBUG only.
 */
final class AccessLog implements Filter {

    static final HeaderName REQUEST_ID = HeaderNames.create("X-Request-Id");
    static final String UNMATCHED = "unmatched";

    private static final System.Logger LOG = System.getLogger("org.aapf.access");
    private static final Pattern SAFE_ID = Pattern.compile("[A-Za-z0-9._:-]{1,128}");

    private final Metrics metrics;

    AccessLog(Metrics metrics) {
        this.metrics = metrics;
    }

    @Override
    public void filter(FilterChain chain, RoutingRequest req, RoutingResponse res) {
        long started = System.nanoTime();
        String requestId = req.headers().first(REQUEST_ID).filter(id -> SAFE_ID.matcher(id).matches())
                .orElseGet(() -> UUID.randomUUID().toString());
        res.header(REQUEST_ID, requestId);
        try {
            chain.proceed();
        } finally {
            Duration took = Duration.ofNanos(System.nanoTime() - started);
            String method = req.prologue().method().text();
            String route = req.matchingPattern().filter(pattern -> !pattern.isEmpty()).orElse(UNMATCHED);
            int status = res.status().code();
            metrics.httpRequest(method, route, status, took);
            LOG.log(isOperational(route) ? System.Logger.Level.DEBUG : System.Logger.Level.INFO,
                    "method={0} route={1} status={2} durationMs={3} user={4} requestId={5}", method, route,
                    Integer.toString(status), Long.toString(took.toMillis()), user(req), requestId);
        }
    }

    private static String user(RoutingRequest req) {
        return Caller.find(req).map(AuthenticatedUser::id).map(Object::toString).orElse("-");
    }

    private static boolean isOperational(String route) {
        return route.startsWith(OperationsRouting.HEALTH_PATH) || route.equals(OperationsRouting.METRICS_PATH);
    }
}

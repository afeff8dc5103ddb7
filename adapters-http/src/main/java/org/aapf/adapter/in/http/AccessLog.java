package org.aapf.adapter.in.http;

import java.time.Duration;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
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
                .orElseGet(AccessLog::newRequestId);
        res.header(REQUEST_ID, requestId);
        try {
            chain.proceed();
        } finally {
            Duration took = Duration.ofNanos(System.nanoTime() - started);
            String method = req.prologue().method().text();
            String route = req.matchingPattern().filter(pattern -> !pattern.isEmpty()).orElse(UNMATCHED);
            int status = res.status().code();
            metrics.httpRequest(method, route, status, took);
            // a finished line, not a pattern with parameters: no MessageFormat parse per request
            LOG.log(isOperational(route) ? System.Logger.Level.DEBUG : System.Logger.Level.INFO,
                    () -> "method=" + method + " route=" + route + " status=" + status + " durationMs="
                            + took.toMillis() + " user=" + user(req) + " requestId=" + requestId);
        }
    }

    /**
     * A random version-4 UUID from a fast generator: a request id must be unique, not unpredictable, and
     * {@link UUID#randomUUID()} takes a lock on the system's secure random source for every request.
     */
    private static String newRequestId() {
        ThreadLocalRandom random = ThreadLocalRandom.current();
        long high = (random.nextLong() & ~0xF000L) | 0x4000L;
        long low = (random.nextLong() & ~(0xC0L << 56)) | (0x80L << 56);
        return new UUID(high, low).toString();
    }

    private static String user(RoutingRequest req) {
        return Caller.find(req).map(AuthenticatedUser::id).map(Object::toString).orElse("-");
    }

    private static boolean isOperational(String route) {
        return route.startsWith(OperationsRouting.HEALTH_PATH) || route.equals(OperationsRouting.METRICS_PATH);
    }
}

package org.aapf.adapter.in.http;

import java.time.Duration;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import java.util.regex.Pattern;


/**
 * The access log's line and request id, shared by the Helidon routing ({@link AccessLog}) and the gateway's
 * notebook path ({@code Gateway}): {@code method=GET route=/api/v1/aaclusters/{name} status=200 durationMs=4
 * user=<id> requestId=<id>} on the {@code org.aapf.access} logger. The line names the route template, never the raw
 * path or query (they may carry a notebook token or a proxy id), and never a header value but the request id.
 */
public final class AccessLines {

    /** The request id header: taken from the request when well-formed, echoed in the response. */
    public static final String REQUEST_ID_HEADER = "X-Request-Id";

    private static final System.Logger LOG = System.getLogger("org.aapf.access");
    private static final Pattern SAFE_ID = Pattern.compile("[A-Za-z0-9._:-]{1,128}");

    private AccessLines() {
    }

    /** The client's request id if it is well-formed ({@code sent} may be null), else a new one. */
    public static String requestId(String sent) {
        return sent != null && SAFE_ID.matcher(sent).matches() ? sent : newRequestId();
    }

    /** Reports the request to {@code metrics} and logs its line (probes and scrapes at DEBUG only). */
    public static void log(Metrics metrics, String method, String route, int status, Duration took, String user,
                           String requestId) {
        metrics.httpRequest(method, route, status, took);
        // a finished line, not a pattern with parameters: no MessageFormat parse per request
        LOG.log(isOperational(route) ? System.Logger.Level.DEBUG : System.Logger.Level.INFO,
                () -> "method=" + method + " route=" + route + " status=" + status + " durationMs="
                        + took.toMillis() + " user=" + user + " requestId=" + requestId);
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

    private static boolean isOperational(String route) {
        return route.startsWith(OperationsRouting.HEALTH_PATH) || route.equals(OperationsRouting.METRICS_PATH);
    }
}

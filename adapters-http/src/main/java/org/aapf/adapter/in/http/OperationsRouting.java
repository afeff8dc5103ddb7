package org.aapf.adapter.in.http;

import java.time.Duration;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Supplier;
import io.helidon.webserver.http.HttpRouting;

/**
 * What operators need from the HTTP server: the access log (one line per request, {@code X-Request-Id}) and request
 * metrics in front of every route, the probes under {@code /health} and the Prometheus scrape at {@code /metrics}.
 * Register it before every other route so the access log sees everything.
 */
public final class OperationsRouting {

    public static final String HEALTH_PATH = "/health";
    public static final String METRICS_PATH = "/metrics";
    /** The longest a readiness check may take before it counts as down (Kubernetes' probe timeout is 1 s). */
    public static final Duration CHECK_TIMEOUT = Duration.ofMillis(900);

    private final AccessLog accessLog;
    private final HealthHttpService health;
    private final MetricsHttpService metricsEndpoint;

    /**
     * @param checks what readiness consists of
     * @param metricsToken the bearer token scrapers must present; empty: no {@code /metrics} endpoint
     * @param scrape the current series in the Prometheus text format
     */
    public OperationsRouting(Metrics metrics, List<HealthCheck> checks, Optional<String> metricsToken,
            Supplier<String> scrape) {
        this.accessLog = new AccessLog(Objects.requireNonNull(metrics, "'metrics' must not be null"));
        this.health = new HealthHttpService(checks, CHECK_TIMEOUT);
        this.metricsEndpoint = new MetricsHttpService(metricsToken, scrape);
    }

    /** Adds the access log filter and the two endpoints; call before registering other routes. */
    public void register(HttpRouting.Builder routing) {
        routing.addFilter(accessLog).register(health, metricsEndpoint);
    }
}

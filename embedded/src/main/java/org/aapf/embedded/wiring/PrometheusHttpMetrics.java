package org.aapf.embedded.wiring;

import java.time.Duration;
import java.util.Locale;
import org.aapf.adapter.in.http.Metrics;
import org.aapf.adapter.out.metrics.PrometheusMetrics;

/** The HTTP adapter's {@link Metrics} on the server's Prometheus registry, beside the application's series. */
final class PrometheusHttpMetrics implements Metrics {

    private final PrometheusMetrics registry;

    PrometheusHttpMetrics(PrometheusMetrics registry) {
        this.registry = registry;
    }

    @Override
    public void httpRequest(String method, String route, int status, Duration took) {
        registry.httpRequest(method, route, status, took);
    }

    @Override
    public void proxied(Direction direction, long bytes) {
        registry.proxied(direction.name().toLowerCase(Locale.ROOT), bytes);
    }

    @Override
    public void webSockets(int change) {
        registry.webSockets(change);
    }
}

package org.aapf.adapter.out.metrics;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.Map;
import org.aapf.application.port.out.Metrics;
import org.aapf.domain.cluster.ClusterStatus;
import org.aapf.domain.cluster.InstanceStatus;
import org.aapf.domain.error.ErrorReason;
import org.junit.jupiter.api.Test;

class PrometheusMetricsTest {

    private final PrometheusMetrics metrics = new PrometheusMetrics();

    @Test
    void reportedFacts_becomeTheDocumentedSeries() {
        metrics.login(Metrics.LoginOutcome.THROTTLED);
        metrics.backendCallFailed("apply", ErrorReason.UNAVAILABLE);
        metrics.clusterReady(Duration.ofSeconds(7));
        metrics.proxied("from_notebook", 2048);
        metrics.webSockets(1);
        metrics.httpRequest("GET", "/api/v1/aaclusters", 200, Duration.ofMillis(3));

        String scrape = metrics.scrape();

        assertLine(scrape, "aapf_logins_total{outcome=\"throttled\"} 1.0");
        assertLine(scrape, "aapf_backend_errors_total{kind=\"unavailable\",operation=\"apply\"} 1.0");
        assertLine(scrape, "aapf_cluster_ready_seconds_bucket{le=\"10.0\"} 1");
        assertLine(scrape, "aapf_cluster_ready_seconds_bucket{le=\"5.0\"} 0");
        assertLine(scrape, "aapf_proxy_bytes_total{direction=\"from_notebook\"} 2048.0");
        assertLine(scrape, "aapf_proxy_websockets_open 1.0");
        assertLine(scrape, "http_server_requests_seconds_count{method=\"GET\",outcome=\"success\","
                + "route=\"/api/v1/aaclusters\",status=\"200\"} 1");
    }

    @Test
    void requests_countInTheirOwnSeries_eachTime() {
        for (int i = 0; i < 3; i++) {
            metrics.httpRequest("GET", "/api/v1/aaclusters/{name}", 200, Duration.ofMillis(2));
        }
        metrics.httpRequest("GET", "/api/v1/aaclusters/{name}", 404, Duration.ofMillis(30));
        metrics.httpRequest("DELETE", "/api/v1/aaclusters/{name}", 200, Duration.ofMillis(4));

        String scrape = metrics.scrape();

        assertLine(scrape, "http_server_requests_seconds_count{method=\"GET\",outcome=\"success\","
                + "route=\"/api/v1/aaclusters/{name}\",status=\"200\"} 3");
        assertLine(scrape, "http_server_requests_seconds_bucket{method=\"GET\",outcome=\"client_error\","
                + "route=\"/api/v1/aaclusters/{name}\",status=\"404\",le=\"0.025\"} 0");
        assertLine(scrape, "http_server_requests_seconds_bucket{method=\"GET\",outcome=\"client_error\","
                + "route=\"/api/v1/aaclusters/{name}\",status=\"404\",le=\"0.05\"} 1");
        assertLine(scrape, "http_server_requests_seconds_count{method=\"DELETE\",outcome=\"success\","
                + "route=\"/api/v1/aaclusters/{name}\",status=\"200\"} 1");
    }

    @Test
    void census_replacesThePreviousCounts_andShowsEveryStatus() {
        metrics.census(Map.of(ClusterStatus.CREATING, 2), Map.of(InstanceStatus.CREATING, 3));
        metrics.census(Map.of(ClusterStatus.CREATED, 2), Map.of(InstanceStatus.READY, 3));

        String scrape = metrics.scrape();

        assertLine(scrape, "aapf_clusters{status=\"creating\"} 0.0");
        assertLine(scrape, "aapf_clusters{status=\"created\"} 2.0");
        assertLine(scrape, "aapf_clusters{status=\"error\"} 0.0");
        assertLine(scrape, "aapf_instances{status=\"ready\"} 3.0");
    }

    private static void assertLine(String scrape, String line) {
        assertTrue(scrape.lines().anyMatch(line::equals), () -> "no '" + line + "' in:\n" + scrape);
    }
}

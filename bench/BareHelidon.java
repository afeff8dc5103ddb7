import io.helidon.webserver.WebServer;
import io.micrometer.core.instrument.binder.jvm.JvmGcMetrics;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;

/**
 * The floor of bench/allocation.sh: Helidon 4 alone, one route answering a fixed 15-byte JSON body, and the same
 * allocation counter AAPF's /metrics shows ({@code jvm_gc_memory_allocated_bytes_total}) at {@code /metrics}.
 * Usage: java -cp aapf.jar bench/BareHelidon.java PORT
 */
public final class BareHelidon {

    public static void main(String[] args) throws InterruptedException {
        PrometheusMeterRegistry registry = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
        new JvmGcMetrics().bindTo(registry);
        byte[] body = "{\"status\":\"UP\"}".getBytes(java.nio.charset.StandardCharsets.US_ASCII);
        WebServer.builder().host("127.0.0.1").port(Integer.parseInt(args[0]))
                .routing(routing -> routing
                        .get("/health/live", (req, res) -> res.send(body))
                        .get("/metrics", (req, res) -> res.send(registry.scrape())))
                .build()
                .start();
        Thread.currentThread().join();
    }
}

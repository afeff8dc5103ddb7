package org.aapf.adapter.out.metrics;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MultiGauge;
import io.micrometer.core.instrument.Tags;
import io.micrometer.core.instrument.Timer;
import io.micrometer.core.instrument.binder.jvm.JvmGcMetrics;
import io.micrometer.core.instrument.binder.jvm.JvmMemoryMetrics;
import io.micrometer.core.instrument.binder.jvm.JvmThreadMetrics;
import io.micrometer.core.instrument.binder.system.ProcessorMetrics;
import io.micrometer.core.instrument.binder.system.UptimeMetrics;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import jakarta.inject.Inject;
import jakarta.inject.Singleton;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import org.aapf.application.port.out.Metrics;
import org.aapf.application.port.out.WarmPoolMetrics;
import org.aapf.domain.cluster.ClusterStatus;
import org.aapf.domain.cluster.InstanceStatus;
import org.aapf.domain.error.ErrorReason;

/**
 * The {@link Metrics} port on a Micrometer registry of this server's own (not the global one, so two servers in one
 * JVM never mix their series), scraped in the Prometheus text format by {@link #scrape()}. The series are listed in
 * the README ("Operating AAPF").
 */
@Singleton
public final class PrometheusMetrics implements Metrics, WarmPoolMetrics {

    private static final Duration[] REQUEST_BUCKETS = seconds(0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10);
    private static final Duration[] PASS_BUCKETS = seconds(0.01, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10, 30);
    private static final Duration[] READY_BUCKETS = seconds(1, 2, 5, 10, 20, 30, 60, 120, 300, 600, 1800);

    /** More request series than routes, methods and statuses make together: beyond it, series are not kept here. */
    private static final int KEPT_REQUEST_SERIES = 1_024;

    private final PrometheusMeterRegistry registry = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
    /**
     * The request timers by series: finding one in the registry builds its tags, its id and its buckets every time,
     * more than the rest of a small request's bookkeeping.
     */
    private final Map<RequestSeries, Timer> requestTimers = new ConcurrentHashMap<>();
    private final Census census;
    private final AtomicInteger openWebSockets = new AtomicInteger();
    private final MultiGauge warmInstances;

    @Inject
    public PrometheusMetrics() {
        new JvmMemoryMetrics().bindTo(registry);
        new JvmThreadMetrics().bindTo(registry);
        new JvmGcMetrics().bindTo(registry);
        new ProcessorMetrics().bindTo(registry);
        new UptimeMetrics().bindTo(registry);
        census = new Census(MultiGauge.builder("aapf.clusters").description("AAClusters by status")
                .register(registry), MultiGauge.builder("aapf.instances")
                .description("Instances of AAClusters by status").register(registry));
        census.report(Map.of(), Map.of());
        registry.gauge("aapf.proxy.websockets.open", openWebSockets);
        warmInstances = MultiGauge.builder("aapf.pool.instances")
                .description("Warm pool instances by pool and state (size: the configured target)").register(registry);
    }

    /** Every series in the Prometheus text exposition format (version 0.0.4). */
    public String scrape() {
        return registry.scrape();
    }

    @Override
    public void login(LoginOutcome outcome) {
        Counter.builder("aapf.logins").description("Login attempts by outcome")
                .tag("outcome", name(outcome)).register(registry).increment();
    }

    @Override
    public void reconcilePass(ReconcilePass pass) {
        String role = pass.leader() ? "leader" : "standby";
        Timer.builder("aapf.reconcile.pass").description("Duration of reconcile passes")
                .tag("role", role).serviceLevelObjectives(PASS_BUCKETS).register(registry).record(pass.took());
        action("applied", pass.applied());
        action("removed", pass.removed());
        action("saved", pass.saved());
        action("deleted", pass.deleted());
        action("failed", pass.failures());
    }

    @Override
    public void census(Map<ClusterStatus, Integer> clusters, Map<InstanceStatus, Integer> instances) {
        census.report(clusters, instances);
    }

    @Override
    public void backendCallFailed(String operation, ErrorReason reason) {
        Counter.builder("aapf.backend.errors").description("Failed cluster backend calls by operation and kind")
                .tags("operation", operation, "kind", name(reason)).register(registry).increment();
    }

    @Override
    public void clusterReady(Duration sinceCreated) {
        Timer.builder("aapf.cluster.ready").description("Time from accepting an AACluster to all of it being ready")
                .serviceLevelObjectives(READY_BUCKETS).register(registry).record(sinceCreated);
    }

    /** An HTTP request was answered; {@code route} is the matched route template. */
    public void httpRequest(String method, String route, int status, Duration took) {
        RequestSeries series = new RequestSeries(method, route, status);
        Timer timer = requestTimers.get(series);
        if (timer == null) {
            timer = Timer.builder("http.server.requests").description("HTTP requests by route template and status")
                    .tags(Tags.of("method", method, "route", route, "status", Integer.toString(status),
                            "outcome", outcome(status)))
                    .serviceLevelObjectives(REQUEST_BUCKETS).register(registry);
            if (requestTimers.size() < KEPT_REQUEST_SERIES) {
                requestTimers.putIfAbsent(series, timer);
            }
        }
        timer.record(took);
    }

    private record RequestSeries(String method, String route, int status) {
    }

    /** Bytes went through the notebook proxy; {@code direction} is {@code to_notebook} or {@code from_notebook}. */
    public void proxied(String direction, long bytes) {
        Counter.builder("aapf.proxy.bytes").baseUnit("bytes").description("Bytes through the notebook proxy")
                .tag("direction", direction).register(registry).increment(bytes);
    }

    /** A proxied WebSocket opened ({@code +1}) or closed ({@code -1}). */
    public void webSockets(int change) {
        openWebSockets.addAndGet(change);
    }

    @Override
    public void pools(List<PoolCensus> pools) {
        List<MultiGauge.Row<?>> rows = new ArrayList<>();
        for (PoolCensus pool : pools) {
            rows.add(MultiGauge.Row.of(Tags.of("pool", pool.pool(), "state", "size"), pool.size()));
            rows.add(MultiGauge.Row.of(Tags.of("pool", pool.pool(), "state", "ready"), pool.ready()));
            rows.add(MultiGauge.Row.of(Tags.of("pool", pool.pool(), "state", "starting"), pool.starting()));
            rows.add(MultiGauge.Row.of(Tags.of("pool", pool.pool(), "state", "claimed"), pool.claimed()));
        }
        warmInstances.register(rows, true);
    }

    @Override
    public void claim(String pool, boolean hit) {
        Counter.builder("aapf.pool.claims").description("Creates matching a warm pool, by whether one was warm")
                .tags("pool", pool, "outcome", hit ? "warm" : "cold").register(registry).increment();
    }

    @Override
    public void refilled(String pool, Duration took) {
        Timer.builder("aapf.pool.refill").description("Time from recording a warm instance to it being ready")
                .tag("pool", pool).serviceLevelObjectives(READY_BUCKETS).register(registry).record(took);
    }

    private void action(String action, int count) {
        Counter.builder("aapf.reconcile.actions").description("What reconcile passes did")
                .tag("action", action).register(registry).increment(count);
    }

    private static String outcome(int status) {
        return status < 400 ? "success" : status < 500 ? "client_error" : "server_error";
    }

    private static String name(Enum<?> value) {
        return value.name().toLowerCase(Locale.ROOT);
    }

    private static Duration[] seconds(double... values) {
        return Arrays.stream(values).mapToObj(s -> Duration.ofNanos((long) (s * 1e9))).toArray(Duration[]::new);
    }
}

package org.aapf.embedded.wiring;

import dagger.Binds;
import dagger.Module;
import dagger.Provides;
import jakarta.inject.Singleton;
import java.util.List;
import org.aapf.adapter.in.http.OperationsRouting;
import org.aapf.adapter.out.metrics.PrometheusMetrics;
import org.aapf.adapter.out.persistence.Database;
import org.aapf.application.port.out.ClusterBackend;
import org.aapf.application.port.out.Metrics;
import org.aapf.application.service.reconcile.Reconciler;
import org.aapf.application.port.out.WarmPoolMetrics;
import org.aapf.embedded.health.BackendHealth;
import org.aapf.embedded.health.DatabaseHealth;
import org.aapf.embedded.health.ReconcilerHealth;

/**
 * Monitoring: the Prometheus metrics behind the application's {@link Metrics} port and the HTTP adapter's own
 * metrics interface, the probes and the access log.
 */
@Module
interface OperationsModule {

    @Binds
    Metrics metrics(PrometheusMetrics metrics);

    @Binds
    WarmPoolMetrics warmPoolMetrics(PrometheusMetrics metrics);

    @Provides
    @Singleton
    static org.aapf.adapter.in.http.Metrics httpMetrics(PrometheusMetrics metrics) {
        return new PrometheusHttpMetrics(metrics);
    }

    @Provides
    @Singleton
    static OperationsRouting operationsRouting(CoreSettings settings, PrometheusMetrics metrics,
            org.aapf.adapter.in.http.Metrics httpMetrics, Database database, Reconciler reconciler,
            ClusterBackend backend) {
        return new OperationsRouting(httpMetrics,
                List.of(new DatabaseHealth(database), new BackendHealth(reconciler, backend.name()),
                        new ReconcilerHealth(reconciler)),
                settings.metricsToken(), metrics::scrape);
    }
}

package org.aapf.adapter.out.persistence;

import org.aapf.application.port.out.WarmPoolMetrics;
import org.aapf.application.port.out.WarmInstanceRepository;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import org.aapf.application.port.in.CreateClusterUseCase.CreateClusterCommand;
import org.aapf.application.port.in.CreateClusterUseCase.ServiceRequest;
import org.aapf.application.port.in.DeleteClusterUseCase.DeleteClusterCommand;
import org.aapf.application.port.out.CatalogueSource;
import org.aapf.application.service.cluster.ClusterLimits;
import org.aapf.application.service.cluster.CreateClusterService;
import org.aapf.application.service.cluster.DeleteClusterService;
import org.aapf.application.service.reconcile.Reconciler;
import org.aapf.application.service.reconcile.ReconcilerSettings;
import org.aapf.application.testing.FakeClusterBackend;
import org.aapf.application.testing.TestCatalogues;
import org.aapf.application.testing.TestQuotas;
import org.aapf.application.service.catalogue.CatalogueVisibility;
import org.aapf.domain.cluster.AACluster;
import org.aapf.domain.cluster.ClusterEvent;
import org.aapf.domain.cluster.ClusterId;
import org.aapf.domain.cluster.ClusterName;
import org.aapf.domain.user.User;
import org.aapf.domain.user.UserId;
import org.jdbi.v3.core.Jdbi;
import org.aapf.application.port.out.SparkMasterMonitor;
import org.aapf.application.port.out.Metrics;

/**
 * One PostgreSQL schema and one fake backend shared by several "server processes": each server has its own
 * connection pool, Jdbi repositories, {@link JdbiReconcilerLease} and {@link Reconciler}. The API side (create,
 * delete) and the assertions use the test database's own pool. Closing drops the schema.
 */
final class ClusterServers implements AutoCloseable {

    final TestDatabase database = TestDatabases.postgres();
    final FakeClusterBackend backend = new FakeClusterBackend(Clock.systemUTC());
    final Queue<RecordingBackend.Call> calls = new ConcurrentLinkedQueue<>();
    final JdbiClusterRepository clusters = new JdbiClusterRepository(database.jdbi());
    final JdbiClusterEventRepository events = new JdbiClusterEventRepository(database.jdbi());
    private final CatalogueSource catalogue = TestCatalogues::standard;
    private final CreateClusterService create = new CreateClusterService(clusters, events, catalogue,
            CatalogueVisibility.everything(), ClusterLimits.defaults(), TestQuotas.unlimited(clusters, catalogue),
            TestQuotas.anyType(Clock.systemUTC()), () -> { }, Clock.systemUTC(), WarmInstanceRepository.none(),
                WarmPoolMetrics.none());
    private final DeleteClusterService delete =
            new DeleteClusterService(clusters, events, () -> { }, Clock.systemUTC());
    private final List<Database> pools = new ArrayList<>();

    /** A server process named {@code holder} whose reconciler leases for {@code leaseTtl}. */
    Reconciler startServer(String holder, Duration leaseTtl) {
        Database pool = Database.open(database.settings());
        pools.add(pool);
        Jdbi jdbi = pool.jdbi();
        ReconcilerSettings settings = new ReconcilerSettings(Duration.ofSeconds(30), Duration.ofMillis(50), leaseTtl,
                Duration.ofMillis(50), Duration.ofMillis(500), Duration.ofMillis(500), holder);
        return new Reconciler(new JdbiClusterRepository(jdbi), new JdbiClusterEventRepository(jdbi),
                new RecordingBackend(holder, backend, calls), catalogue, new JdbiReconcilerLease(jdbi),
                Clock.systemUTC(), settings, SparkMasterMonitor.none(), Metrics.none());
    }

    UserId addUser(String username) {
        User user = Accounts.user(username);
        new JdbiUserRepository(database.jdbi()).add(user);
        return user.id();
    }

    /** Requests a notebook, a Spark master and {@code workers} workers through the create use case. */
    void createCluster(UserId owner, String name, int workers) {
        ServiceRequest spark = ServiceRequest.of(TestCatalogues.SPARK, TestCatalogues.SMALL);
        create.create(new CreateClusterCommand(owner, name,
                Optional.of(ServiceRequest.of(TestCatalogues.NOTEBOOK, TestCatalogues.SMALL)), Optional.of(spark),
                Optional.of(new ServiceRequest(TestCatalogues.SPARK, TestCatalogues.SMALL, Optional.of(workers)))));
    }

    void deleteCluster(UserId owner, String name) {
        delete.delete(new DeleteClusterCommand(owner, name));
    }

    Optional<AACluster> stored(UserId owner, String name) {
        return clusters.findByName(owner, new ClusterName(name));
    }

    long count(ClusterId cluster, ClusterEvent.Type type) {
        return events.listByCluster(cluster).stream().filter(event -> event.type() == type).count();
    }

    /** The holder and epoch in the lease row. */
    String leaseRow() {
        return database.jdbi().withHandle(handle -> handle
                .createQuery("SELECT holder, epoch FROM reconciler_lease")
                .map((rs, ctx) -> rs.getString("holder") + "@" + rs.getLong("epoch")).one());
    }

    @Override
    public void close() {
        pools.forEach(Database::close);
        database.close();
    }
}

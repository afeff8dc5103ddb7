package org.aapf.application.service.cluster;

import org.aapf.application.port.in.StartClusterUseCase.StartClusterCommand;
import org.aapf.application.port.in.StopClusterUseCase.StopClusterCommand;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import org.aapf.application.port.in.ClusterView;
import org.aapf.application.port.in.CreateClusterUseCase.CreateClusterCommand;
import org.aapf.application.port.in.CreateClusterUseCase.ServiceRequest;
import org.aapf.application.port.in.DeleteClusterUseCase.DeleteClusterCommand;
import org.aapf.application.port.out.HostCapacity;
import org.aapf.application.port.out.SparkMasterMonitor;
import org.aapf.application.service.catalogue.CatalogueVisibility;
import org.aapf.application.service.catalogue.PerfTypeFit;
import org.aapf.application.service.quota.DefaultLimits;
import org.aapf.application.service.quota.UserQuota;
import org.aapf.application.testing.FakeClusterBackend;
import org.aapf.application.testing.InMemoryClusterEventRepository;
import org.aapf.application.testing.InMemoryClusterRepository;
import org.aapf.application.testing.InMemoryOwnerLock;
import org.aapf.application.testing.InMemoryReconcilerLease;
import org.aapf.application.testing.InMemoryUserLimitsRepository;
import org.aapf.application.testing.ManualClock;
import org.aapf.application.testing.TestCatalogues;
import org.aapf.domain.catalogue.Catalogue;
import org.aapf.domain.cluster.AACluster;
import org.aapf.domain.cluster.ClusterName;
import org.aapf.domain.quota.Limits;
import org.aapf.domain.user.UserId;

/** One "database" and one backend shared by the services and any number of reconcilers (processes) under test. */
final class ClusterWorld {

    static final UserId ALICE = UserId.random();
    static final UserId BOB = UserId.random();

    final ManualClock clock = ManualClock.atSomeMoment();
    final InMemoryClusterRepository clusters = new InMemoryClusterRepository();
    final InMemoryClusterEventRepository events = new InMemoryClusterEventRepository();
    final InMemoryReconcilerLease lease = new InMemoryReconcilerLease(clock);
    final FakeClusterBackend backend = new FakeClusterBackend(clock);
    final AtomicReference<Catalogue> catalogue = new AtomicReference<>(TestCatalogues.standard());
    final AtomicInteger wakes = new AtomicInteger();
    /** A lease longer than the steps tests take between passes: here no loop renews it in between. */
    final ReconcilerSettings settings = ReconcilerSettings.defaults().withLeaseTtl(Duration.ofSeconds(60));
    private final AtomicInteger processes = new AtomicInteger();

    final InMemoryUserLimitsRepository limitOverrides = new InMemoryUserLimitsRepository();
    final UserQuota quota = new UserQuota(new DefaultLimits(Limits.NONE), limitOverrides, clusters, catalogue::get,
            new InMemoryOwnerLock());
    final AtomicReference<Optional<List<HostCapacity>>> hosts = new AtomicReference<>(Optional.empty());
    final PerfTypeFit fit = new PerfTypeFit(() -> hosts.get(), clock);
    final CreateClusterService create = new CreateClusterService(clusters, events, catalogue::get,
            CatalogueVisibility.everything(), ClusterLimits.defaults(), quota, fit, wakes::incrementAndGet, clock);
    final DeleteClusterService delete = new DeleteClusterService(clusters, events, wakes::incrementAndGet, clock);
    final ResizeSparkWorkersService resize = new ResizeSparkWorkersService(clusters, events, ClusterLimits.defaults(),
            quota, wakes::incrementAndGet, clock);
    final StopClusterService stop = new StopClusterService(clusters, events, wakes::incrementAndGet, clock);
    final StartClusterService start = new StartClusterService(clusters, events, quota, wakes::incrementAndGet,
            clock);
    final GetClusterService get = new GetClusterService(clusters, catalogue::get);
    final ListClustersService list = new ListClustersService(clusters, catalogue::get);
    final ListClusterEventsService history = new ListClusterEventsService(clusters, events);

    /** A reconciler as a fresh server process would start it: its own holder id, nothing in memory. */
    Reconciler newReconciler() {
        return new Reconciler(clusters, events, backend, catalogue::get, lease, clock,
                settings.withHolderId("process-" + processes.incrementAndGet()));
    }

    /** A reconciler that asks {@code sparkMasters} which workers registered. */
    Reconciler newReconciler(SparkMasterMonitor sparkMasters) {
        return new Reconciler(clusters, events, backend, catalogue::get, lease, clock,
                settings.withHolderId("process-" + processes.incrementAndGet()), sparkMasters);
    }

    /** Lets a crashed process's lease run out, as a restarted server would have to wait for. */
    void leaseExpires() {
        clock.advance(settings.leaseTtl().plusSeconds(1));
    }

    void advance(Duration duration) {
        clock.advance(duration);
    }

    void createNotebook(UserId owner, String name) {
        create.create(new CreateClusterCommand(owner, name, Optional.of(notebook()), Optional.empty(),
                Optional.empty()));
    }

    void createWithSpark(UserId owner, String name, int workers) {
        create.create(new CreateClusterCommand(owner, name, Optional.of(notebook()),
                Optional.of(ServiceRequest.of(TestCatalogues.SPARK, TestCatalogues.SMALL)),
                Optional.of(new ServiceRequest(TestCatalogues.SPARK, TestCatalogues.SMALL, Optional.of(workers)))));
    }

    void deleteCluster(UserId owner, String name) {
        delete.delete(new DeleteClusterCommand(owner, name));
    }

    void stopCluster(UserId owner, String name) {
        stop.stop(new StopClusterCommand(owner, name));
    }

    void startCluster(UserId owner, String name) {
        start.start(new StartClusterCommand(owner, name));
    }

    ClusterView view(UserId owner, String name) {
        return get.get(owner, name);
    }

    AACluster stored(UserId owner, String name) {
        return clusters.findByName(owner, new ClusterName(name)).orElseThrow();
    }

    static ServiceRequest notebook() {
        return ServiceRequest.of(TestCatalogues.NOTEBOOK, TestCatalogues.SMALL);
    }
}

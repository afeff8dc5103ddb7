package org.aapf.application.testing;

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
import org.aapf.application.port.out.Metrics;
import org.aapf.application.port.out.HostCapacity;
import org.aapf.application.port.out.SparkMasterMonitor;
import org.aapf.application.service.catalogue.PerfTypeFit;
import org.aapf.application.service.quota.DefaultLimits;
import org.aapf.application.service.quota.UserQuota;
import org.aapf.application.service.catalogue.CatalogueVisibility;
import org.aapf.application.service.cluster.ClusterLimits;
import org.aapf.application.service.cluster.CreateClusterService;
import org.aapf.application.service.cluster.DeleteClusterService;
import org.aapf.application.service.cluster.GetClusterService;
import org.aapf.application.service.cluster.ListClusterEventsService;
import org.aapf.application.service.cluster.ListClustersService;
import org.aapf.application.service.cluster.ResizeSparkWorkersService;
import org.aapf.application.service.cluster.StartClusterService;
import org.aapf.application.service.cluster.StopClusterService;
import org.aapf.application.service.reconcile.Reconciler;
import org.aapf.application.service.reconcile.ReconcilerSettings;
import org.aapf.domain.catalogue.Catalogue;
import org.aapf.domain.catalogue.WarmPool;
import org.aapf.domain.cluster.AACluster;
import org.aapf.domain.cluster.ClusterName;
import org.aapf.domain.quota.Limits;
import org.aapf.domain.user.UserId;

/** One "database" and one backend shared by the services and any number of reconcilers (processes) under test. */
public final class ClusterWorld {

    public static final UserId ALICE = UserId.random();
    public static final UserId BOB = UserId.random();

    public final ManualClock clock = ManualClock.atSomeMoment();
    public final InMemoryClusterRepository clusters = new InMemoryClusterRepository();
    public final InMemoryClusterEventRepository events = new InMemoryClusterEventRepository();
    public final InMemoryReconcilerLease lease = new InMemoryReconcilerLease(clock);
    public final FakeClusterBackend backend = new FakeClusterBackend(clock);
    public final AtomicReference<Catalogue> catalogue = new AtomicReference<>(TestCatalogues.standard());
    public final AtomicInteger wakes = new AtomicInteger();
    /** A lease longer than the steps tests take between passes: here no loop renews it in between. */
    public final ReconcilerSettings settings = ReconcilerSettings.defaults().withLeaseTtl(Duration.ofSeconds(60));
    private final AtomicInteger processes = new AtomicInteger();
    public final InMemoryWarmInstanceRepository warm = new InMemoryWarmInstanceRepository();
    public final RecordingPoolMetrics poolMetrics = new RecordingPoolMetrics();

    public final InMemoryUserLimitsRepository limitOverrides = new InMemoryUserLimitsRepository();
    public final UserQuota quota = new UserQuota(new DefaultLimits(Limits.NONE), limitOverrides, clusters,
            catalogue::get, new InMemoryOwnerLock());
    public final AtomicReference<Optional<List<HostCapacity>>> hosts = new AtomicReference<>(Optional.empty());
    public final PerfTypeFit fit = new PerfTypeFit(() -> hosts.get(), clock);
    public final CreateClusterService create = new CreateClusterService(clusters, events, catalogue::get,
            CatalogueVisibility.everything(), ClusterLimits.defaults(), quota, fit, wakes::incrementAndGet, clock,
            warm, poolMetrics);
    public final DeleteClusterService delete = new DeleteClusterService(clusters, events, wakes::incrementAndGet, clock);
    public final ResizeSparkWorkersService resize = new ResizeSparkWorkersService(clusters, events,
            ClusterLimits.defaults(), quota, wakes::incrementAndGet, clock);
    public final StopClusterService stop = new StopClusterService(clusters, events, wakes::incrementAndGet, clock);
    public final StartClusterService start = new StartClusterService(clusters, events, quota, wakes::incrementAndGet,
            clock, catalogue::get, warm, poolMetrics, backend);
    public final GetClusterService get = new GetClusterService(clusters, catalogue::get);
    public final ListClustersService list = new ListClustersService(clusters, catalogue::get);
    public final ListClusterEventsService history = new ListClusterEventsService(clusters, events);

    /** A reconciler as a fresh server process would start it: its own holder id, nothing in memory. */
    public Reconciler newReconciler() {
        return newReconciler(SparkMasterMonitor.none());
    }

    /** A reconciler that asks {@code sparkMasters} which workers registered. */
    public Reconciler newReconciler(SparkMasterMonitor sparkMasters) {
        return new Reconciler(clusters, events, backend, catalogue::get, lease, clock,
                settings.withHolderId("process-" + processes.incrementAndGet()), sparkMasters, Metrics.none(), warm,
                poolMetrics);
    }

    /** Configures one warm pool of notebooks of the test catalogue (image aa_jupyter_notebook, small). */
    public void poolOfSize(int size) {
        catalogue.set(catalogue.get().withPools(List.of(new WarmPool(TestCatalogues.NOTEBOOK, TestCatalogues.SMALL,
                size))));
    }

    /** Lets a crashed process's lease run out, as a restarted server would have to wait for. */
    public void leaseExpires() {
        clock.advance(settings.leaseTtl().plusSeconds(1));
    }

    public void advance(Duration duration) {
        clock.advance(duration);
    }

    public void createNotebook(UserId owner, String name) {
        create.create(new CreateClusterCommand(owner, name, Optional.of(notebook()), Optional.empty(),
                Optional.empty()));
    }

    public void createWithSpark(UserId owner, String name, int workers) {
        create.create(new CreateClusterCommand(owner, name, Optional.of(notebook()),
                Optional.of(ServiceRequest.of(TestCatalogues.SPARK, TestCatalogues.SMALL)),
                Optional.of(new ServiceRequest(TestCatalogues.SPARK, TestCatalogues.SMALL, Optional.of(workers)))));
    }

    public void deleteCluster(UserId owner, String name) {
        delete.delete(new DeleteClusterCommand(owner, name));
    }

    public void stopCluster(UserId owner, String name) {
        stop.stop(new StopClusterCommand(owner, name));
    }

    public void startCluster(UserId owner, String name) {
        start.start(new StartClusterCommand(owner, name));
    }

    public ClusterView view(UserId owner, String name) {
        return get.get(owner, name);
    }

    public AACluster stored(UserId owner, String name) {
        return clusters.findByName(owner, new ClusterName(name)).orElseThrow();
    }

    public static ServiceRequest notebook() {
        return ServiceRequest.of(TestCatalogues.NOTEBOOK, TestCatalogues.SMALL);
    }
}

package org.aapf.application.service.reconcile;

import static org.aapf.application.testing.ClusterWorld.ALICE;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.List;
import java.util.Optional;
import org.aapf.application.port.in.ClusterEventView;
import org.aapf.application.port.in.ClusterView;
import org.aapf.application.port.in.InstanceView;
import org.aapf.application.port.out.DesiredInstance;
import org.aapf.application.port.out.InstanceRef;
import org.aapf.application.port.out.ObservedInstance.Phase;
import org.aapf.domain.cluster.AACluster;
import org.aapf.domain.cluster.ClusterEvent;
import org.aapf.domain.cluster.ClusterStatus;
import org.aapf.domain.cluster.Health;
import org.aapf.domain.cluster.InstanceStatus;
import org.aapf.domain.cluster.ServiceKind;
import org.junit.jupiter.api.Test;
import org.aapf.application.testing.ClusterWorld;

class ReconcilerTest {

    private final ClusterWorld world = new ClusterWorld();
    private final Reconciler reconciler = world.newReconciler();

    @Test
    void createdCluster_reachesCreatedWithReadyHealthyInstances() {
        world.createWithSpark(ALICE, "sample", 2);

        PassReport first = reconciler.reconcileOnce();
        PassReport second = reconciler.reconcileOnce();
        reconciler.reconcileOnce();

        assertEquals(2, first.applied(), "the notebook and the master");
        assertEquals(2, second.applied(), "the workers, once the master is ready");
        ClusterView view = world.view(ALICE, "sample");
        assertEquals(ClusterStatus.CREATED, view.status());
        List<InstanceView> instances = view.services().stream().flatMap(s -> s.instances().stream()).toList();
        assertEquals(4, instances.size());
        assertTrue(instances.stream().allMatch(i -> i.status() == InstanceStatus.READY
                && i.health().equals(Optional.of(Health.HEALTHY))));
        assertEquals(List.of("requested", "ready", "ready", "ready", "ready", "created"), eventTypes("sample"));
    }

    @Test
    void notebookIsLaunchedWithItsBaseUrlTokenAndHealthPath() {
        world.createNotebook(ALICE, "sample");
        reconciler.reconcileOnce();

        InstanceView notebook = world.view(ALICE, "sample").services().get(0).instances().get(0);
        DesiredInstance desired = world.backend.desired(ref("sample", ServiceKind.JUPYTER_NOTEBOOK, 1)).orElseThrow();
        String baseUrl = notebook.urlPath().orElseThrow();
        assertTrue(desired.command().contains("--ServerApp.base_url=" + baseUrl));
        assertTrue(desired.command().contains("--IdentityProvider.token=" + notebook.jupyterToken().orElseThrow()));
        assertEquals(Optional.of(baseUrl + "/api/status"), desired.healthPath());
        assertEquals(8888, desired.httpPort());
        assertEquals(Optional.of("jupyter-notebook"), desired.hostname());
        assertEquals(1024, desired.resources().memoryMiB());
        assertEquals(ALICE, desired.owner());
    }

    @Test
    void instancesProgressThroughCreatingStartingReady() {
        world.backend.startInstancesAs(Phase.PENDING);
        world.createNotebook(ALICE, "sample");
        InstanceRef ref = ref("sample", ServiceKind.JUPYTER_NOTEBOOK, 1);

        reconciler.reconcileOnce();
        assertEquals(InstanceStatus.CREATING, notebookStatus("sample"));
        world.backend.setState(ref, Phase.STARTING, Optional.empty(), List.of());
        reconciler.reconcileOnce();
        assertEquals(InstanceStatus.STARTING, notebookStatus("sample"));
        assertEquals(ClusterStatus.CREATING, world.view(ALICE, "sample").status());
        world.backend.setState(ref, Phase.READY, Optional.of(Health.HEALTHY), List.of());
        reconciler.reconcileOnce();

        assertEquals(InstanceStatus.READY, notebookStatus("sample"));
        assertEquals(ClusterStatus.CREATED, world.view(ALICE, "sample").status());
        assertEquals(List.of("requested", "started", "ready", "created"), eventTypes("sample"));
    }

    @Test
    void applyFailsThenSucceeds_afterBackoff() {
        world.backend.failNextApplies(1);
        world.createNotebook(ALICE, "sample");

        PassReport failed = reconciler.reconcileOnce();
        assertEquals(1, failed.failures());
        assertEquals(List.of("ApplyFailed"), alertReasons("sample"));
        assertEquals(ClusterStatus.CREATING, world.view(ALICE, "sample").status());
        reconciler.reconcileOnce();
        assertEquals(1, world.backend.applyCalls(), "no retry before the backoff has passed");

        world.advance(world.settings.backoffBase());
        reconciler.reconcileOnce();
        reconciler.reconcileOnce();

        assertEquals(ClusterStatus.CREATED, world.view(ALICE, "sample").status());
        assertEquals(List.of(), alertReasons("sample"));
        assertEquals(1, world.backend.creations());
        assertEquals(List.of("requested", "failed", "ready", "created"), eventTypes("sample"));
    }

    @Test
    void repeatedApplyFailures_backOffExponentially() {
        world.backend.failNextApplies(3);
        world.createNotebook(ALICE, "sample");

        reconciler.reconcileOnce();
        world.advance(Duration.ofSeconds(1));
        reconciler.reconcileOnce();
        world.advance(Duration.ofSeconds(1));
        reconciler.reconcileOnce();
        assertEquals(2, world.backend.applyCalls(), "second failure waits 2 s");
        world.advance(Duration.ofSeconds(1));
        reconciler.reconcileOnce();

        assertEquals(3, world.backend.applyCalls());
        assertEquals(1, world.events.count(world.stored(ALICE, "sample").id(), ClusterEvent.Type.FAILED),
                "a failure that persists is recorded once");
    }

    @Test
    void instanceCrashes_failedWithAlertAndClusterError_thenRecovers() {
        world.createWithSpark(ALICE, "sample", 1);
        startSpark();
        InstanceRef worker = ref("sample", ServiceKind.SPARK_WORKER, 1);

        world.backend.crash(worker, "OOMKilled", "The instance ran out of memory.");
        reconciler.reconcileOnce();

        ClusterView view = world.view(ALICE, "sample");
        assertEquals(ClusterStatus.ERROR, view.status());
        assertEquals(InstanceStatus.FAILED, view.services().get(2).instances().get(0).status());
        assertEquals(List.of("OOMKilled"), view.services().get(2).alerts().stream().map(a -> a.reason()).toList());
        assertTrue(view.services().get(0).alerts().isEmpty(), "other services are not blamed");
        assertTrue(eventMessages("sample").contains("Instance spark-worker-1 failed: The instance ran out of memory."));

        world.backend.setState(worker, Phase.READY, Optional.of(Health.HEALTHY), List.of());
        reconciler.reconcileOnce();
        assertEquals(ClusterStatus.CREATED, world.view(ALICE, "sample").status());
        world.advance(world.settings.restartDelay());
        reconciler.reconcileOnce();
        assertEquals(3, world.backend.creations(), "an instance that recovered by itself is not replaced");
    }

    @Test
    void crashedInstance_staysFailedWithItsAlert_untilReplacedAfterTheRestartDelay() {
        world.createWithSpark(ALICE, "sample", 1);
        startSpark();
        InstanceRef worker = ref("sample", ServiceKind.SPARK_WORKER, 1);

        world.backend.crash(worker, "Exited", "The instance exited with code 137");
        reconciler.reconcileOnce();
        world.advance(world.settings.restartDelay().minusSeconds(1));
        reconciler.reconcileOnce();

        assertEquals(3, world.backend.creations(), "not replaced before the restart delay");
        assertEquals(InstanceStatus.FAILED, workerStatus("sample", 1));
        assertEquals(List.of("Exited"), world.view(ALICE, "sample").services().get(2).alerts().stream()
                .map(a -> a.reason()).toList());

        world.advance(Duration.ofSeconds(1));
        PassReport replacing = reconciler.reconcileOnce();

        assertEquals(4, world.backend.creations(), "removed and created again");
        assertEquals(1, replacing.removed());
        assertEquals(InstanceStatus.FAILED, workerStatus("sample", 1), "failed until the replacement is seen");
        assertTrue(eventMessages("sample").contains(
                "Instance spark-worker-1 is being restarted (restart 1) after it failed: "
                        + "The instance exited with code 137"), eventMessages("sample").toString());
        reconciler.reconcileOnce();
        assertEquals(InstanceStatus.READY, workerStatus("sample", 1));
        assertEquals(ClusterStatus.CREATED, world.view(ALICE, "sample").status());
        assertTrue(world.view(ALICE, "sample").services().get(2).alerts().isEmpty());
        assertEquals(List.of("failed", "restarted", "ready", "created"),
                eventTypes("sample").subList(eventTypes("sample").size() - 4, eventTypes("sample").size()));
    }

    @Test
    void crashLoop_isReplacedWithDoublingWaits_andTheCountStartsOverOnceStable() {
        world.createNotebook(ALICE, "sample");
        reconciler.reconcileOnce();
        InstanceRef notebook = ref("sample", ServiceKind.JUPYTER_NOTEBOOK, 1);
        List<Long> waits = List.of(10L, 20L, 40L, 80L, 160L, 300L, 300L);

        for (int restart = 1; restart <= waits.size(); restart++) {
            world.backend.crash(notebook, "Exited", "The instance exited with code 1");
            reconciler.reconcileOnce();
            passTime(Duration.ofSeconds(waits.get(restart - 1) - 1));
            assertEquals(restart, world.backend.creations(), "restart " + restart + " waits its turn");
            passTime(Duration.ofSeconds(1));
            assertEquals(restart + 1, world.backend.creations(), "restart " + restart + " is due");
        }
        reconciler.reconcileOnce();
        passTime(Duration.ofMinutes(10));
        world.backend.crash(notebook, "Exited", "The instance exited with code 1");
        reconciler.reconcileOnce();
        world.advance(world.settings.restartDelay());
        reconciler.reconcileOnce();

        assertEquals(waits.size() + 2, world.backend.creations(), "ready for 10 min: the first delay again");
        assertTrue(eventMessages("sample").getLast().contains("(restart 1)"), eventMessages("sample").getLast());
        assertEquals(waits.size() + 1, world.events.count(world.stored(ALICE, "sample").id(),
                ClusterEvent.Type.RESTARTED));
    }

    @Test
    void failedInstance_thatTheBackendRestartsItself_isLeftToTheBackend() {
        world.backend.restartFailedInstancesItself(true);
        world.createNotebook(ALICE, "sample");
        reconciler.reconcileOnce();
        InstanceRef notebook = ref("sample", ServiceKind.JUPYTER_NOTEBOOK, 1);

        world.backend.crash(notebook, "CrashLoop", "The service keeps crashing; it has restarted 4 times.");
        reconciler.reconcileOnce();
        world.advance(world.settings.backoffMax());
        PassReport report = reconciler.reconcileOnce();

        assertEquals(1, world.backend.creations());
        assertEquals(0, report.removed());
        assertEquals(InstanceStatus.FAILED, notebookStatus("sample"));
        assertEquals(0, world.events.count(world.stored(ALICE, "sample").id(), ClusterEvent.Type.RESTARTED));
    }

    @Test
    void backendDown_alertsEveryCluster_apiKeepsWorking_thenRecovers() {
        world.createNotebook(ALICE, "one");
        reconciler.reconcileOnce();
        reconciler.reconcileOnce();
        world.createNotebook(ALICE, "two");
        world.backend.setDown(true);

        PassReport down = reconciler.reconcileOnce();

        assertFalse(down.backendReachable());
        assertEquals(List.of("BackendUnreachable"), alertReasons("one"));
        assertEquals(List.of("BackendUnreachable"), alertReasons("two"));
        assertEquals(ClusterStatus.CREATED, world.view(ALICE, "one").status(), "last known state is kept");
        world.createNotebook(ALICE, "three");
        world.deleteCluster(ALICE, "one");

        world.backend.setDown(false);
        world.advance(world.settings.backoffMax());
        reconciler.reconcileOnce();
        reconciler.reconcileOnce();

        assertEquals(List.of(), alertReasons("two"));
        assertEquals(ClusterStatus.CREATED, world.view(ALICE, "two").status());
        assertEquals(ClusterStatus.CREATED, world.view(ALICE, "three").status());
        assertEquals(List.of("three", "two"), world.list.list(ALICE).stream().map(ClusterView::name).toList());
    }

    @Test
    void backendDown_isRetriedWithBackoff() {
        world.createNotebook(ALICE, "one");
        world.backend.setDown(true);
        reconciler.reconcileOnce();
        int observed = world.backend.observeCalls();
        int writes = world.clusters.updates();

        reconciler.reconcileOnce();
        world.advance(world.settings.backoffBase());
        reconciler.reconcileOnce();

        assertEquals(observed, world.backend.observeCalls(), "observe is not hammered while the backend is down");
        assertEquals(writes, world.clusters.updates(), "the alert is written once");
    }

    @Test
    void deletedCluster_disappearsOnlyOnceTheBackendHoldsNothing() {
        world.backend.removeAsynchronously(true);
        world.createWithSpark(ALICE, "sample", 1);
        startSpark();
        world.deleteCluster(ALICE, "sample");

        reconciler.reconcileOnce();
        assertEquals(ClusterStatus.DELETING, world.view(ALICE, "sample").status());
        assertEquals(3, world.backend.instances().size(), "terminating, still there");
        reconciler.reconcileOnce();
        assertEquals(ClusterStatus.DELETING, world.view(ALICE, "sample").status(), "observed terminating");
        AACluster before = world.stored(ALICE, "sample");
        reconciler.reconcileOnce();

        assertTrue(world.list.list(ALICE).isEmpty());
        assertTrue(world.backend.instances().isEmpty());
        assertEquals(1, world.events.count(before.id(), ClusterEvent.Type.DELETED));
    }

    @Test
    void orphansAndSurplusInstances_areRemoved_wantedOnesKept() {
        world.createWithSpark(ALICE, "sample", 1);
        startSpark();
        InstanceRef unknownCluster = new InstanceRef(org.aapf.domain.cluster.ClusterId.random(),
                ServiceKind.JUPYTER_NOTEBOOK, 1);
        InstanceRef surplusWorker = ref("sample", ServiceKind.SPARK_WORKER, 2);
        world.backend.plant(unknownCluster, ALICE);
        world.backend.plant(surplusWorker, ALICE);

        PassReport report = reconciler.reconcileOnce();

        assertEquals(2, report.removed());
        assertEquals(3, world.backend.instances().size());
        assertTrue(world.backend.instances().stream().noneMatch(i -> i.ref().equals(unknownCluster)
                || i.ref().equals(surplusWorker)));
        assertEquals(ClusterStatus.CREATED, world.view(ALICE, "sample").status());
    }

    @Test
    void changedCatalogueEntry_replacesTheInstance() {
        world.createNotebook(ALICE, "sample");
        reconciler.reconcileOnce();
        InstanceRef ref = ref("sample", ServiceKind.JUPYTER_NOTEBOOK, 1);
        String oldHash = world.backend.desired(ref).orElseThrow().specHash();

        var bigger = new org.aapf.domain.catalogue.PerfType("small", "Small", new org.aapf.domain.catalogue.Resources(
                1, 2048, Optional.empty()));
        world.catalogue.set(org.aapf.domain.catalogue.Catalogue.of(world.catalogue.get().images(), List.of(bigger)));
        reconciler.reconcileOnce();

        DesiredInstance now = world.backend.desired(ref).orElseThrow();
        assertFalse(now.specHash().equals(oldHash));
        assertEquals(2048, now.resources().memoryMiB());
        assertEquals(1, world.backend.creations(), "replaced, not duplicated");
    }

    @Test
    void imageRemovedFromCatalogue_isReportedAsApplyFailure() {
        world.createNotebook(ALICE, "sample");
        world.catalogue.set(org.aapf.domain.catalogue.Catalogue.of(List.of(), world.catalogue.get().perfTypes()));

        reconciler.reconcileOnce();

        ClusterView view = world.view(ALICE, "sample");
        assertEquals("Image 'aa_jupyter_notebook' is no longer in the catalogue.",
                view.services().get(0).alerts().get(0).message());
        assertEquals("aa_jupyter_notebook", view.services().get(0).image().orElseThrow().displayName());
        assertEquals(0, world.backend.applyCalls());
    }

    @Test
    void steadyState_writesNothingAndAppliesNothing() {
        world.createWithSpark(ALICE, "sample", 2);
        startSpark();
        reconciler.reconcileOnce();
        int writes = world.clusters.updates();
        int applies = world.backend.applyCalls();
        world.advance(Duration.ofMinutes(5));

        PassReport report = reconciler.reconcileOnce();

        assertEquals(writes, world.clusters.updates());
        assertEquals(applies, world.backend.applyCalls());
        assertEquals(0, report.saved());
        assertFalse(report.busy());
    }

    @Test
    void onlyTheLeaseHolderActs() {
        Reconciler other = world.newReconciler();
        world.createNotebook(ALICE, "sample");
        reconciler.reconcileOnce();

        PassReport second = other.reconcileOnce();

        assertFalse(second.leader());
        assertEquals(1, world.backend.applyCalls());
        reconciler.close();
        assertTrue(other.reconcileOnce().leader(), "a released lease is free at once");
    }

    /** Lets time pass as the running loop would, with a pass at least every 10 s (which also renews the lease). */
    /** Two passes: the first applies the notebook and the master, the second the workers once the master is ready. */
    private void startSpark() {
        reconciler.reconcileOnce();
        reconciler.reconcileOnce();
    }

    private void passTime(Duration duration) {
        Duration left = duration;
        while (left.isPositive()) {
            Duration step = left.compareTo(Duration.ofSeconds(10)) < 0 ? left : Duration.ofSeconds(10);
            world.advance(step);
            reconciler.reconcileOnce();
            left = left.minus(step);
        }
    }

    private InstanceRef ref(String name, ServiceKind service, int index) {
        return new InstanceRef(world.stored(ALICE, name).id(), service, index);
    }

    private InstanceStatus workerStatus(String name, int index) {
        return world.stored(ALICE, name).instance(ServiceKind.SPARK_WORKER, index).orElseThrow().status();
    }

    private InstanceStatus notebookStatus(String name) {
        return world.view(ALICE, name).services().get(0).instances().get(0).status();
    }

    private List<String> alertReasons(String name) {
        return world.view(ALICE, name).services().get(0).alerts().stream().map(a -> a.reason()).toList();
    }

    private List<String> eventTypes(String name) {
        return world.history.list(ALICE, name).stream().map(e -> e.type().apiName()).toList();
    }

    private List<String> eventMessages(String name) {
        return world.history.list(ALICE, name).stream().map(ClusterEventView::message).toList();
    }
}

package org.aapf.application.service.cluster;

import static org.aapf.application.testing.ClusterWorld.ALICE;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.aapf.application.port.in.DeleteClusterUseCase.DeleteClusterCommand;
import org.aapf.application.port.in.ResolveNotebookRouteQuery.NotReady;
import org.aapf.application.port.in.ResolveNotebookRouteQuery.NotebookRoute;
import org.aapf.application.port.in.ResolveNotebookRouteQuery.Ready;
import org.aapf.application.port.in.ResolveNotebookRouteQuery.Unknown;
import org.aapf.application.port.out.Endpoint;
import org.aapf.application.port.out.InstanceRef;
import org.aapf.application.port.out.ObservedInstance.Phase;
import org.aapf.domain.cluster.AACluster;
import org.aapf.domain.cluster.ClusterName;
import org.aapf.domain.cluster.InstanceState;
import org.aapf.domain.cluster.InstanceStatus;
import org.aapf.domain.cluster.ServiceKind;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.aapf.application.service.reconcile.Reconciler;
import org.aapf.application.testing.ClusterWorld;
import org.aapf.application.port.out.SparkMasterMonitor;
import org.aapf.application.port.out.Metrics;

class ResolveNotebookRouteServiceTest {

    private final ClusterWorld world = new ClusterWorld();
    private final NotebookRouteCache cache = new NotebookRouteCache(world.clock);
    /** The repository as this process's writers (the reconciler too) get it wired: saved changes make the cache forget. */
    private final RouteForgettingClusterRepository watched = new RouteForgettingClusterRepository(world.clusters, cache);
    private final Reconciler reconciler = new Reconciler(watched, world.events, world.backend, world.catalogue::get,
            world.lease, world.clock, world.settings.withHolderId("process-routes"), SparkMasterMonitor.none(),
            Metrics.none());
    private final ResolveNotebookRouteService routes = new ResolveNotebookRouteService(watched, world.backend, cache);
    private final DeleteClusterService delete = new DeleteClusterService(watched, world.events, () -> { }, world.clock);

    @Test
    void readyNotebook_resolvesToItsBackendEndpoint() {
        String proxyId = createNotebook("sample");
        reconciler.reconcileOnce();
        reconciler.reconcileOnce();

        Ready ready = assertInstanceOf(Ready.class, routes.resolve(proxyId));
        Endpoint endpoint = world.backend.endpoint(notebookRef("sample")).orElseThrow();
        assertEquals(new Ready(endpoint.host(), endpoint.port()), ready);
    }

    @Test
    void whileTheDatabaseCannotBeRead_aNotebookThatWasReadyStaysReachable_evenPastTheCacheTime() {
        java.util.concurrent.atomic.AtomicBoolean down = new java.util.concurrent.atomic.AtomicBoolean();
        org.aapf.application.port.out.ClusterRepository flaky = failingWhile(down);
        ResolveNotebookRouteService outage = new ResolveNotebookRouteService(flaky, world.backend, cache);
        String proxyId = createNotebook("sample");
        String unseen = createNotebook("unseen");
        reconciler.reconcileOnce();
        reconciler.reconcileOnce();
        Ready before = assertInstanceOf(Ready.class, outage.resolve(proxyId));

        down.set(true);
        world.advance(NotebookRouteCache.TTL.multipliedBy(10));

        assertEquals(before, outage.resolve(proxyId));
        org.aapf.domain.error.AapfException unknownDuringOutage = org.junit.jupiter.api.Assertions.assertThrows(
                org.aapf.domain.error.AapfException.class, () -> outage.resolve(unseen));
        assertEquals(org.aapf.domain.error.ErrorReason.UNAVAILABLE, unknownDuringOutage.reason());

        down.set(false);
        delete.delete(new DeleteClusterCommand(ALICE, "sample"));
        down.set(true);
        assertThrows(org.aapf.domain.error.AapfException.class, () -> outage.resolve(proxyId),
                "a change saved here forgets the route, outage or not");
    }

    @Test
    void aRouteTheDatabaseNoLongerCallsReady_isNotKeptAsLastKnown() {
        java.util.concurrent.atomic.AtomicBoolean down = new java.util.concurrent.atomic.AtomicBoolean();
        ResolveNotebookRouteService outage = new ResolveNotebookRouteService(failingWhile(down), world.backend, cache);
        String proxyId = createNotebook("sample");
        reconciler.reconcileOnce();
        reconciler.reconcileOnce();
        assertInstanceOf(Ready.class, outage.resolve(proxyId));
        // another server process saves the failure: this process's cache hears nothing of it
        Reconciler otherProcess = new Reconciler(world.clusters, world.events, world.backend, world.catalogue::get,
                world.lease, world.clock, world.settings.withHolderId("process-routes"), SparkMasterMonitor.none(),
            Metrics.none());
        world.backend.crash(notebookRef("sample"), "Exited", "The instance exited with code 137");
        otherProcess.reconcileOnce();
        world.advance(NotebookRouteCache.TTL.multipliedBy(2));
        assertEquals(new NotReady("failed"), outage.resolve(proxyId));

        down.set(true);

        assertThrows(org.aapf.domain.error.AapfException.class, () -> outage.resolve(proxyId));
    }

    /** {@code world.clusters} as this process sees it, failing like an unreachable database while {@code down}. */
    private org.aapf.application.port.out.ClusterRepository failingWhile(
            java.util.concurrent.atomic.AtomicBoolean down) {
        return (org.aapf.application.port.out.ClusterRepository) java.lang.reflect.Proxy.newProxyInstance(
                getClass().getClassLoader(), new Class<?>[] {org.aapf.application.port.out.ClusterRepository.class},
                (proxy, method, args) -> {
                    if (down.get()) {
                        throw org.aapf.domain.error.AapfException.unavailable("database down",
                                new java.sql.SQLTransientConnectionException("connection refused", "08001"));
                    }
                    try {
                        return method.invoke(watched, args);
                    } catch (java.lang.reflect.InvocationTargetException e) {
                        throw e.getCause();
                    }
                });
    }

    @Test
    void startingNotebook_isNotReadyWithItsStatus() {
        world.backend.startInstancesAs(Phase.STARTING);
        String proxyId = createNotebook("sample");
        reconciler.reconcileOnce();
        reconciler.reconcileOnce();

        assertEquals(new NotReady("starting"), routes.resolve(proxyId));
    }

    @Test
    void crashedNotebook_isNotServed_andItsReplacementIsServedAtItsNewEndpoint() {
        String proxyId = createNotebook("sample");
        reconciler.reconcileOnce();
        reconciler.reconcileOnce();
        Ready before = assertInstanceOf(Ready.class, routes.resolve(proxyId));

        world.backend.crash(notebookRef("sample"), "Exited", "The instance exited with code 137");
        reconciler.reconcileOnce();
        assertEquals(new NotReady("failed"), routes.resolve(proxyId));
        world.advance(world.settings.restartDelay());
        reconciler.reconcileOnce();
        reconciler.reconcileOnce();

        Ready after = assertInstanceOf(Ready.class, routes.resolve(proxyId));
        Endpoint replacement = world.backend.endpoint(notebookRef("sample")).orElseThrow();
        assertEquals(new Ready(replacement.host(), replacement.port()), after);
        assertNotEquals(before, after, "the cached endpoint of the crashed notebook is not used");
    }

    @Test
    void unknownMalformedOrPrefixProxyIds_areUnknown() {
        String proxyId = createNotebook("sample");
        reconciler.reconcileOnce();
        reconciler.reconcileOnce();

        assertInstanceOf(Unknown.class, routes.resolve("abcdefghij0123456789"));
        assertInstanceOf(Unknown.class, routes.resolve("../" + proxyId));
        assertInstanceOf(Unknown.class, routes.resolve(proxyId.substring(0, proxyId.length() - 1)));
        assertInstanceOf(Unknown.class, routes.resolve(""));
    }

    @Test
    void deletedCluster_isUnknownAtOnce() {
        String proxyId = createNotebook("sample");
        reconciler.reconcileOnce();
        reconciler.reconcileOnce();
        assertInstanceOf(Ready.class, routes.resolve(proxyId));

        delete.delete(new DeleteClusterCommand(ALICE, "sample"));

        NotebookRoute route = routes.resolve(proxyId);
        assertInstanceOf(Unknown.class, route);
    }

    @Test
    void notebookFailingInThisProcess_isNotReadyAtOnce() {
        String proxyId = createNotebook("sample");
        reconciler.reconcileOnce();
        reconciler.reconcileOnce();
        assertInstanceOf(Ready.class, routes.resolve(proxyId));

        AACluster cluster = watched.findByName(ALICE, new ClusterName("sample")).orElseThrow();
        cluster.observe(ServiceKind.JUPYTER_NOTEBOOK, 1,
                new InstanceState(InstanceStatus.FAILED, Optional.empty(), List.of()), world.clock.instant());
        assertTrue(watched.update(cluster));

        assertInstanceOf(NotReady.class, routes.resolve(proxyId));
    }

    @Test
    void readyRoute_isRemembered_andAChangeByAnotherProcessIsSeenAfterTheTtl() {
        String proxyId = createNotebook("sample");
        reconciler.reconcileOnce();
        reconciler.reconcileOnce();
        Ready ready = assertInstanceOf(Ready.class, routes.resolve(proxyId));

        // another server process sharing the database deletes the cluster: this process's cache is not told
        AACluster cluster = world.clusters.findByName(ALICE, new ClusterName("sample")).orElseThrow();
        assertTrue(cluster.requestDeletion(world.clock.instant()));
        assertTrue(world.clusters.update(cluster));

        assertEquals(ready, routes.resolve(proxyId), "served from the cache within the TTL");
        world.advance(NotebookRouteCache.TTL);
        assertInstanceOf(Unknown.class, routes.resolve(proxyId));
    }

    private String createNotebook(String name) {
        world.createNotebook(ALICE, name);
        return world.view(ALICE, name).services().get(0).instances().get(0).urlPath().orElseThrow()
                .split("/")[2];
    }

    private InstanceRef notebookRef(String name) {
        return new InstanceRef(world.clusters.findByName(ALICE, new org.aapf.domain.cluster.ClusterName(name))
                .orElseThrow().id(), ServiceKind.JUPYTER_NOTEBOOK, 1);
    }
}

package org.aapf.application.service.reconcile;

import static org.aapf.application.testing.ClusterWorld.ALICE;
import static org.aapf.application.testing.ClusterWorld.BOB;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import org.aapf.application.port.in.ClusterView;
import org.aapf.application.port.out.InstanceRef;
import org.aapf.application.port.out.ObservedInstance;
import org.aapf.application.port.out.ObservedInstance.Phase;
import org.aapf.application.port.out.WarmInstance;
import org.aapf.application.port.out.WarmPoolMetrics.PoolCensus;
import org.aapf.application.service.cluster.ListOrphanWorkspacesService;
import org.aapf.application.testing.ClusterWorld;
import org.aapf.application.testing.SimulatedCrash;
import org.aapf.domain.cluster.AACluster;
import org.aapf.domain.cluster.ClusterId;
import org.aapf.domain.cluster.ClusterStatus;
import org.aapf.domain.cluster.ProxyId;
import org.aapf.domain.cluster.ServiceKind;
import org.junit.jupiter.api.Test;

/** Warm pools on the fake backend: filling, claiming, refilling, trimming, and crashes at every step of a claim. */
class WarmPoolTest {

    private final ClusterWorld world = new ClusterWorld();

    @Test
    void poolFillsToItsSizeWithInstancesOfNoUser() {
        world.poolOfSize(2);
        Reconciler reconciler = world.newReconciler();

        reconciler.reconcileOnce();
        reconciler.reconcileOnce();

        assertEquals(2, world.backend.instances().size());
        assertTrue(world.backend.instances().stream().allMatch(i -> i.owner().equals(WarmInstance.POOL_OWNER)));
        assertEquals(List.of(WarmInstance.State.READY, WarmInstance.State.READY),
                world.warm.listAll().stream().map(WarmInstance::state).toList());
        assertEquals(List.of(), world.clusters.listAll(), "warm instances are no user's clusters");
        assertEquals(List.of(new PoolCensus("aa_jupyter_notebook/small", 2, 2, 0, 0)),
                world.poolMetrics.lastCensus);
        assertEquals(2, world.poolMetrics.refills.size());
    }

    @Test
    void createTakesAWarmInstanceAndIsCreatedBeforeAnyPass() {
        world.poolOfSize(1);
        Reconciler reconciler = world.newReconciler();
        reconciler.reconcileOnce();
        reconciler.reconcileOnce();
        WarmInstance warm = world.warm.listAll().getFirst();
        int creations = world.backend.creations();

        world.createNotebook(ALICE, "fast");

        ClusterView view = world.view(ALICE, "fast");
        assertEquals(ClusterStatus.CREATED, world.stored(ALICE, "fast").status());
        assertEquals("created", view.status().apiName());
        AACluster cluster = world.stored(ALICE, "fast");
        assertEquals(warm.id(), cluster.id());
        assertEquals(Optional.of(warm.access()), cluster.instancesOf(ServiceKind.JUPYTER_NOTEBOOK).getFirst()
                .notebook());
        assertEquals(List.of("aa_jupyter_notebook/small:warm"), world.poolMetrics.claims);

        reconciler.reconcileOnce();

        assertEquals(ClusterStatus.CREATED, world.stored(ALICE, "fast").status());
        assertEquals(creations + 1, world.backend.creations(), "the taken instance stays; one refill starts");
        assertEquals(ALICE, world.backend.instancesOf(warm.id()).getFirst().owner(), "relabelled to its owner");
        assertEquals(1, world.warm.listAll().size());
        assertNotEquals(warm.id(), world.warm.listAll().getFirst().id(), "the refill is a new instance");
    }

    @Test
    void takenInstanceIsNotReplacedOnABackendThatKeepsItsLabels() {
        world.poolOfSize(1);
        Reconciler reconciler = world.newReconciler();
        reconciler.reconcileOnce();
        reconciler.reconcileOnce();
        world.createNotebook(ALICE, "fast");
        ClusterId id = world.stored(ALICE, "fast").id();
        InstanceRef notebook = new InstanceRef(id, ServiceKind.JUPYTER_NOTEBOOK, 1);
        int applies = world.backend.applyCalls();

        // Docker cannot relabel: the container keeps the pool's owner and the spec hash it was started with.
        ObservedInstance before = world.backend.instancesOf(id).getFirst();
        reconciler.reconcileOnce();
        world.backend.plantOwner(notebook, WarmInstance.POOL_OWNER);
        reconciler.reconcileOnce();
        reconciler.reconcileOnce();

        assertEquals(before.specHash(), world.backend.instancesOf(id).getFirst().specHash());
        assertEquals(ClusterStatus.CREATED, world.stored(ALICE, "fast").status());
        assertEquals(applies + 1, world.backend.applyCalls(), "only the refill was applied");
    }

    @Test
    void emptyPoolMeansAColdCreateAndTwoCreatesNeverShareAnInstance() {
        world.poolOfSize(1);
        Reconciler reconciler = world.newReconciler();
        reconciler.reconcileOnce();
        reconciler.reconcileOnce();

        world.createNotebook(ALICE, "first");
        world.createNotebook(BOB, "second");

        assertEquals(ClusterStatus.CREATED, world.stored(ALICE, "first").status());
        assertEquals(ClusterStatus.CREATING, world.stored(BOB, "second").status());
        assertNotEquals(world.stored(ALICE, "first").id(), world.stored(BOB, "second").id());
        assertEquals(List.of("aa_jupyter_notebook/small:warm", "aa_jupyter_notebook/small:cold"),
                world.poolMetrics.claims);
    }

    @Test
    void clusterWithSparkStartsColdAndNeverAsksThePool() {
        world.poolOfSize(2);
        Reconciler reconciler = world.newReconciler();
        reconciler.reconcileOnce();
        reconciler.reconcileOnce();

        world.createWithSpark(ALICE, "spark", 1);
        assertEquals(ClusterStatus.CREATING, world.stored(ALICE, "spark").status());
        reconciler.reconcileOnce();
        world.stopCluster(ALICE, "spark");
        reconciler.reconcileOnce();
        reconciler.reconcileOnce();
        world.startCluster(ALICE, "spark");

        assertEquals(ClusterStatus.CREATING, world.stored(ALICE, "spark").status());
        assertEquals(List.of(), world.poolMetrics.claims, "a cluster with Spark never asks the pool");
    }

    @Test
    void crashRightAfterAClaimLeaksNothingAndHandsTheInstanceToNobodyElse() {
        world.poolOfSize(1);
        Reconciler reconciler = world.newReconciler();
        reconciler.reconcileOnce();
        reconciler.reconcileOnce();
        WarmInstance claimed = world.warm.listAll().getFirst();
        world.warm.crashAfterNextClaim();

        assertThrows(SimulatedCrash.class, () -> world.createNotebook(ALICE, "lost"));
        world.createNotebook(BOB, "other");
        reconciler.reconcileOnce();

        assertNotEquals(claimed.id(), world.stored(BOB, "other").id(), "a claimed instance is never handed out");
        assertFalse(world.backend.instancesOf(claimed.id()).isEmpty(), "kept while its cluster may still appear");

        world.advance(WarmPoolKeeper.claimGrace(world.settings).plusSeconds(1));
        reconciler.reconcileOnce();
        reconciler.reconcileOnce();

        assertTrue(world.backend.instancesOf(claimed.id()).isEmpty(), "the leaked instance is removed");
        assertTrue(world.backend.workspaces().stream().noneMatch(w -> w.cluster().equals(claimed.id())));
        assertTrue(world.warm.listAll().stream().noneMatch(w -> w.id().equals(claimed.id())));
        assertEquals(1, world.warm.listAll().size(), "and the pool is full again");
    }

    @Test
    void crashWhileStartingAWarmInstanceNeverDuplicatesIt() {
        world.poolOfSize(1);
        world.backend.crashProcessAfterNextApply();

        assertThrows(SimulatedCrash.class, () -> world.newReconciler().reconcileOnce());
        world.leaseExpires();
        Reconciler restarted = world.newReconciler();
        restarted.reconcileOnce();
        restarted.reconcileOnce();

        assertEquals(1, world.warm.listAll().size());
        assertEquals(1, world.backend.instances().size());
        assertEquals(world.warm.listAll().getFirst().id(), world.backend.instances().getFirst().ref().cluster());
    }

    @Test
    void failedWarmInstanceIsReplacedAndNeverClaimed() {
        world.poolOfSize(1);
        world.backend.startInstancesAs(Phase.STARTING);
        Reconciler reconciler = world.newReconciler();
        reconciler.reconcileOnce();
        WarmInstance failing = world.warm.listAll().getFirst();
        world.backend.crash(new InstanceRef(failing.id(), ServiceKind.JUPYTER_NOTEBOOK, 1), "Exited",
                "The instance exited with code 1");

        world.createNotebook(ALICE, "meanwhile");
        reconciler.reconcileOnce();
        world.backend.startInstancesAs(Phase.READY);
        world.advance(Duration.ofSeconds(2));
        reconciler.reconcileOnce();

        assertEquals(ClusterStatus.CREATING, world.stored(ALICE, "meanwhile").status(), "nothing warm was ready");
        assertTrue(world.backend.instancesOf(failing.id()).isEmpty());
        assertEquals(1, world.warm.listAll().size());
        assertNotEquals(failing.id(), world.warm.listAll().getFirst().id());
    }

    @Test
    void shrinkingThePoolRemovesSurplusInstancesWithTheirWorkspaces() {
        world.poolOfSize(3);
        Reconciler reconciler = world.newReconciler();
        reconciler.reconcileOnce();
        reconciler.reconcileOnce();
        reconciler.reconcileOnce();
        assertEquals(3, world.warm.listAll().size());

        world.poolOfSize(1);
        reconciler.reconcileOnce();
        assertEquals(1, world.warm.listAll().size());
        assertEquals(1, world.backend.instances().size());
        assertEquals(1, world.backend.workspaces().size());

        world.catalogue.set(world.catalogue.get().withPools(List.of()));
        reconciler.reconcileOnce();
        assertEquals(List.of(), world.warm.listAll());
        assertEquals(List.of(), world.backend.instances());
        assertEquals(List.of(), world.backend.workspaces());
    }

    @Test
    void everyWarmInstanceHasItsOwnProxyIdAndToken() {
        world.poolOfSize(5);
        Reconciler reconciler = world.newReconciler();
        for (int i = 0; i < 4; i++) {
            reconciler.reconcileOnce();
        }
        List<WarmInstance> warm = world.warm.listAll();
        Set<ProxyId> proxyIds = warm.stream().map(w -> w.access().proxyId()).collect(Collectors.toSet());
        Set<String> tokens = warm.stream().map(w -> w.access().token().value()).collect(Collectors.toSet());

        assertEquals(5, warm.size());
        assertEquals(5, proxyIds.size());
        assertEquals(5, tokens.size());
        warm.forEach(w -> assertTrue(world.backend.desired(new InstanceRef(w.id(), ServiceKind.JUPYTER_NOTEBOOK, 1))
                .orElseThrow().command().contains("--IdentityProvider.token=" + w.access().token().value())));
    }

    @Test
    void orphanWorkspaceListingLeavesWarmInstancesAlone() {
        world.poolOfSize(1);
        Reconciler reconciler = world.newReconciler();
        reconciler.reconcileOnce();

        assertEquals(1, world.backend.workspaces().size());
        assertEquals(List.of(), new ListOrphanWorkspacesService(world.clusters, world.backend, world.warm)
                .listOrphans());
    }
}

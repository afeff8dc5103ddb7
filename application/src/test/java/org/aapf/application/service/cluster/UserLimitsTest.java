package org.aapf.application.service.cluster;

import static org.aapf.application.testing.ClusterWorld.ALICE;
import static org.aapf.application.testing.ClusterWorld.BOB;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.aapf.application.testing.ClusterWorld;
import org.aapf.application.port.in.CreateClusterUseCase.CreateClusterCommand;
import org.aapf.application.port.in.CreateClusterUseCase.ServiceRequest;
import org.aapf.application.port.in.PerfTypeView;
import org.aapf.application.port.in.ResizeSparkWorkersUseCase.ResizeSparkWorkersCommand;
import org.aapf.application.port.out.HostCapacity;
import org.aapf.application.service.catalogue.CatalogueVisibility;
import org.aapf.application.service.catalogue.ListPerfTypesService;
import org.aapf.application.testing.TestCatalogues;
import org.aapf.domain.error.AapfException;
import org.aapf.domain.error.ErrorReason;
import org.aapf.domain.quota.LimitKind;
import org.aapf.domain.quota.Limits;
import org.aapf.domain.quota.Usage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.function.Executable;

class UserLimitsTest {

    private final ClusterWorld world = new ClusterWorld();

    @Test
    void createBeyondMaxClusters_is403NamingLimitRequestAndUse() {
        limit(LimitKind.CLUSTERS, 1);
        world.createNotebook(ALICE, "one");

        assertForbidden("Over your limit maxClusters: creating AACluster 'two' needs 1 AACluster; you use 1 of your"
                + " 1 AACluster.", () -> world.createNotebook(ALICE, "two"));
        world.createNotebook(BOB, "two");
        assertEquals(1, world.clusters.listByOwner(ALICE).size());
    }

    @Test
    void resizeBeyondMaxCpu_isRefusedAndNothingChanges() {
        limit(LimitKind.CPU, 2000);
        world.createWithSpark(ALICE, "spark", 1);

        assertForbidden("Over your limit maxCpu: resizing the Spark workers of AACluster 'spark' to 3 needs 1 CPU;"
                + " you use 1.5 of your 2 CPU.", () -> world.resize.resize(new ResizeSparkWorkersCommand(ALICE,
                "spark", 3)));
        world.resize.resize(new ResizeSparkWorkersCommand(ALICE, "spark", 2));
        assertEquals(new Usage(1, 2000, 4096, 0), world.quota.usageOf(ALICE));
    }

    @Test
    void stoppedClusterHoldsNoCompute_andStartingItCountsAgain() {
        limit(LimitKind.MEMORY, 1024);
        world.createNotebook(ALICE, "first");
        world.stopCluster(ALICE, "first");
        world.newReconciler().reconcileOnce();
        assertEquals(new Usage(1, 0, 0, 0), world.quota.usageOf(ALICE));
        world.createNotebook(ALICE, "second");

        assertForbidden("Over your limit maxMemoryMiB: starting AACluster 'first' needs 1024 MiB of memory; you use"
                + " 1024 of your 1024 MiB of memory.", () -> world.startCluster(ALICE, "first"));
    }

    @Test
    void gpuTypeBeyondMaxGpus_isRefused() {
        limit(LimitKind.GPUS, 0);

        assertForbidden("Over your limit maxGpus: creating AACluster 'gpu' needs 1 GPU; you use 0 of your 0 GPUs.",
                () -> world.create.create(new CreateClusterCommand(ALICE, "gpu",
                        Optional.of(ServiceRequest.of(TestCatalogues.NOTEBOOK, TestCatalogues.GPU)),
                        Optional.empty(), Optional.empty())));
    }

    @Test
    void perfTypeNoHostCanRun_isListedUnavailableAndRefusedAtCreate() {
        world.hosts.set(Optional.of(List.of(new HostCapacity("the Docker host", 2000, 16384, 0))));

        List<PerfTypeView> types = new ListPerfTypesService(world.catalogue::get, CatalogueVisibility.everything(),
                world.fit).list(ALICE);
        assertEquals(Optional.of("it needs 1 GPU; the most any host has is 0 GPUs (the Docker host)."),
                types.get(0).unavailable());
        assertEquals(Optional.empty(), types.get(1).unavailable());
        AapfException refused = assertThrows(AapfException.class, () -> world.create.create(new CreateClusterCommand(
                ALICE, "gpu", Optional.of(ServiceRequest.of(TestCatalogues.NOTEBOOK, TestCatalogues.GPU)),
                Optional.empty(), Optional.empty())));
        assertEquals(ErrorReason.INVALID_INPUT, refused.reason());
        assertEquals("'jupyterNotebook.perfType': performance type 'gpu-small' cannot run on this backend: it needs"
                + " 1 GPU; the most any host has is 0 GPUs (the Docker host).", refused.getMessage());
        assertTrue(world.clusters.listByOwner(ALICE).isEmpty());
    }

    @Test
    void typesThatFitNoSingleHost_areUnavailable() {
        world.hosts.set(Optional.of(List.of(new HostCapacity("node a", 4000, 1024, 1),
                new HostCapacity("node b", 500, 16384, 0))));

        List<PerfTypeView> types = new ListPerfTypesService(world.catalogue::get, CatalogueVisibility.everything(),
                world.fit).list(ALICE);
        assertEquals(Optional.of("no single host has 2 CPU, 8192 MiB of memory and 1 GPU together."),
                types.get(0).unavailable());
    }

    private void limit(LimitKind kind, long bound) {
        world.limitOverrides.save(ALICE, Limits.of(Map.of(kind, bound)));
    }

    private static void assertForbidden(String message, Executable call) {
        AapfException e = assertThrows(AapfException.class, call);
        assertEquals(ErrorReason.FORBIDDEN, e.reason());
        assertEquals(message, e.getMessage());
    }
}

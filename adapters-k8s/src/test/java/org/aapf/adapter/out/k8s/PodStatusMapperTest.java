package org.aapf.adapter.out.k8s;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.PodBuilder;
import io.fabric8.kubernetes.api.model.PodStatus;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.aapf.application.port.out.DesiredInstance;
import org.aapf.application.port.out.ObservedInstance;
import org.aapf.application.port.out.ObservedInstance.Phase;
import org.aapf.domain.cluster.Alert;
import org.aapf.domain.cluster.ClusterId;
import org.aapf.domain.cluster.Health;
import org.junit.jupiter.api.Test;

class PodStatusMapperTest {

    private static final Instant NOW = Instant.parse("2026-02-01T00:00:00Z");
    private final DesiredInstance notebook = Instances.notebook(ClusterId.random());

    private ObservedInstance observe(PodStatus status) {
        Pod pod = new PodBuilder(PodManifests.pod(Instances.SERVER, "aapf", "cluster.local", notebook,
                ClusterManifests.ownedBy(PodManifestsTest.rootWithUid(notebook.ref().cluster()))))
                .editMetadata().withCreationTimestamp(PodStatuses.T0).endMetadata()
                .withStatus(status).build();
        return PodStatusMapper.observe(pod, NOW).orElseThrow();
    }

    private static List<String> reasons(ObservedInstance observed) {
        return observed.alerts().stream().map(Alert::reason).toList();
    }

    @Test
    void readyPodIsReadyAndHealthySinceItBecameReady() {
        ObservedInstance observed = observe(PodStatuses.runningReady());
        assertEquals(Phase.READY, observed.phase());
        assertEquals(Optional.of(Health.HEALTHY), observed.health());
        assertEquals(Instant.parse("2026-01-02T03:05:00Z"), observed.since());
        assertEquals(notebook.ref(), observed.ref());
        assertEquals(notebook.owner(), observed.owner());
        assertEquals(notebook.specHash(), observed.specHash());
        assertTrue(observed.alerts().isEmpty());
    }

    @Test
    void runningButNotReadyIsStarting() {
        assertEquals(Phase.STARTING, observe(PodStatuses.runningNotReady()).phase());
    }

    @Test
    void pendingPodWithoutStatusIsPending() {
        ObservedInstance observed = observe(null);
        assertEquals(Phase.PENDING, observed.phase());
        assertEquals(Instant.parse(PodStatuses.T0), observed.since());
    }

    @Test
    void imagePullBackOffAndErrImagePullAreImageMissing() {
        for (String reason : List.of("ImagePullBackOff", "ErrImagePull")) {
            ObservedInstance observed = observe(PodStatuses.waiting(reason));
            assertEquals(Phase.FAILED, observed.phase());
            assertEquals(List.of("ImageMissing"), reasons(observed));
            assertTrue(observed.alerts().get(0).message().contains("aapf/jupyter-notebook:6.4"));
        }
    }

    @Test
    void crashLoopBackOffIsCrashLoop() {
        ObservedInstance observed = observe(PodStatuses.waiting("CrashLoopBackOff"));
        assertEquals(Phase.FAILED, observed.phase());
        assertEquals(List.of("CrashLoop"), reasons(observed));
    }

    @Test
    void oomKilledIsAnErrorNamingTheMemoryLimit() {
        ObservedInstance observed = observe(PodStatuses.oomKilled());
        assertEquals(Phase.FAILED, observed.phase());
        Alert alert = observed.alerts().get(0);
        assertEquals("OOMKilled", alert.reason());
        assertEquals(Alert.Level.ERROR, alert.level());
        assertEquals("The service ran out of memory (limit 4096Mi) and was killed; choose a performance type with"
                + " more memory.", alert.message());
    }

    @Test
    void podRestartedAfterOomIsReadyWithAWarning() {
        ObservedInstance observed = observe(PodStatuses.restartedAfterOom());
        assertEquals(Phase.READY, observed.phase());
        assertEquals(List.of("OOMKilled"), reasons(observed));
        assertEquals(Alert.Level.WARNING, observed.alerts().get(0).level());
        assertTrue(observed.alerts().get(0).message().contains("was restarted"), observed.alerts().get(0).message());
    }

    @Test
    void insufficientGpuIsUnschedulableWithTheSchedulersReason() {
        ObservedInstance observed = observe(PodStatuses.unschedulable());
        assertEquals(Phase.FAILED, observed.phase());
        Alert alert = observed.alerts().get(0);
        assertEquals("Unschedulable", alert.reason());
        assertEquals("No node has a free GPU for this service right now (the scheduler reports: 0/3 nodes are"
                + " available: 3 Insufficient nvidia.com/gpu.). It starts once a GPU is free; a performance type"
                + " without a GPU can start now.", alert.message());
        assertEquals(Instant.parse(PodStatuses.T0), alert.at());
    }

    @Test
    void unschedulableForCpuOrMemory_saysItWaitsForRoom() {
        ObservedInstance observed = observe(PodStatuses.unschedulable("0/3 nodes are available: 3 Insufficient cpu."));
        Alert alert = observed.alerts().get(0);
        assertEquals("No node can run this service right now (the scheduler reports: 0/3 nodes are available:"
                + " 3 Insufficient cpu.). It starts once a node has room; a smaller performance type may start"
                + " sooner.", alert.message());
    }

    @Test
    void failedPodWithoutTypedReasonReportsItsExit() {
        ObservedInstance observed = observe(PodStatuses.exited());
        assertEquals(Phase.FAILED, observed.phase());
        assertEquals(List.of("Exited"), reasons(observed));
        assertTrue(observed.alerts().get(0).message().contains("exit code 2"));
    }

    @Test
    void deletedPodIsTerminating() {
        Pod pod = new PodBuilder().withNewMetadata().withLabels(Labels.owned(Instances.SERVER, notebook))
                .withDeletionTimestamp(PodStatuses.T0).endMetadata().build();
        assertEquals(Phase.TERMINATING, PodStatusMapper.observe(pod, NOW).orElseThrow().phase());
    }

    @Test
    void podWithoutOurLabelsIsIgnored() {
        Pod pod = new PodBuilder().withNewMetadata().withName("other").addToLabels("aapf.org/index", "x")
                .endMetadata().build();
        assertTrue(PodStatusMapper.observe(pod, NOW).isEmpty());
    }
}

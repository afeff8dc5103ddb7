package org.aapf.adapter.out.k8s;

import io.fabric8.kubernetes.api.model.ContainerStatus;
import io.fabric8.kubernetes.api.model.ContainerStatusBuilder;
import io.fabric8.kubernetes.api.model.PodStatus;
import io.fabric8.kubernetes.api.model.PodStatusBuilder;

/** Pod statuses as a kubelet or scheduler would report them, for tests. */
final class PodStatuses {

    static final String T0 = "2026-01-02T03:04:05Z";
    static final String GPU_MESSAGE = "0/3 nodes are available: 3 Insufficient nvidia.com/gpu.";

    private PodStatuses() {
    }

    static PodStatus runningReady() {
        return new PodStatusBuilder().withPhase("Running").withPodIP("10.1.2.3")
                .addNewCondition().withType("PodScheduled").withStatus("True").withLastTransitionTime(T0).endCondition()
                .addNewCondition().withType("Ready").withStatus("True")
                    .withLastTransitionTime("2026-01-02T03:05:00Z").endCondition()
                .withContainerStatuses(new ContainerStatusBuilder().withName("c").withReady(true)
                        .withNewState().withNewRunning().withStartedAt(T0).endRunning().endState().build())
                .build();
    }

    static PodStatus runningNotReady() {
        return new PodStatusBuilder().withPhase("Running").withPodIP("10.1.2.3")
                .addNewCondition().withType("Ready").withStatus("False").withLastTransitionTime(T0).endCondition()
                .build();
    }

    static PodStatus waiting(String reason) {
        return new PodStatusBuilder().withPhase(reason.equals("CrashLoopBackOff") ? "Running" : "Pending")
                .withContainerStatuses(waitingContainer(reason)).build();
    }

    private static ContainerStatus waitingContainer(String reason) {
        return new ContainerStatusBuilder().withName("jupyter-notebook").withImage("aapf/jupyter-notebook:6.4")
                .withRestartCount(4).withNewState().withNewWaiting().withReason(reason).endWaiting().endState().build();
    }

    static PodStatus oomKilled() {
        return new PodStatusBuilder().withPhase("Running")
                .withContainerStatuses(new ContainerStatusBuilder().withName("jupyter-notebook")
                        .withNewState().withNewTerminated().withReason("OOMKilled").withExitCode(137)
                            .withFinishedAt(T0).endTerminated().endState().build())
                .build();
    }

    static PodStatus restartedAfterOom() {
        return new PodStatusBuilder(runningReady()).withContainerStatuses(new ContainerStatusBuilder()
                .withName("jupyter-notebook").withReady(true).withRestartCount(1)
                .withNewState().withNewRunning().withStartedAt(T0).endRunning().endState()
                .withNewLastState().withNewTerminated().withReason("OOMKilled").withExitCode(137)
                    .withFinishedAt(T0).endTerminated().endLastState()
                .build()).build();
    }

    static PodStatus unschedulable() {
        return unschedulable(GPU_MESSAGE);
    }

    static PodStatus unschedulable(String schedulerMessage) {
        return new PodStatusBuilder().withPhase("Pending")
                .addNewCondition().withType("PodScheduled").withStatus("False").withReason("Unschedulable")
                    .withMessage(schedulerMessage).withLastTransitionTime(T0).endCondition()
                .build();
    }

    static PodStatus exited() {
        return new PodStatusBuilder().withPhase("Failed")
                .withContainerStatuses(new ContainerStatusBuilder().withName("jupyter-notebook")
                        .withNewState().withNewTerminated().withReason("Error").withExitCode(2).endTerminated()
                        .endState().build())
                .build();
    }
}

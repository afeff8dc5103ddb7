package org.aapf.adapter.out.k8s;

import io.fabric8.kubernetes.api.model.Container;
import io.fabric8.kubernetes.api.model.ContainerState;
import io.fabric8.kubernetes.api.model.ContainerStatus;
import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.PodStatus;
import io.fabric8.kubernetes.api.model.Quantity;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.aapf.domain.cluster.Alert;

/**
 * The typed alerts a pod's status implies right now: a missing image, a crash loop, an out-of-memory kill, or no
 * node able to run it. Messages are written for the user; they name the image and limits, never cluster internals
 * beyond the scheduler's own summary.
 */
final class PodAlerts {

    static final String IMAGE_MISSING = "ImageMissing";
    static final String CRASH_LOOP = "CrashLoop";
    static final String OOM_KILLED = "OOMKilled";
    static final String UNSCHEDULABLE = "Unschedulable";

    private static final Set<String> IMAGE_REASONS =
            Set.of("ErrImagePull", "ImagePullBackOff", "InvalidImageName", "ErrImageNeverPull");

    private PodAlerts() {
    }

    static List<Alert> of(Pod pod, PodStatus status, Instant created) {
        List<Alert> alerts = new ArrayList<>();
        unschedulable(status, created).ifPresent(alerts::add);
        for (ContainerStatus container : Optional.ofNullable(status.getContainerStatuses()).orElse(List.of())) {
            alerts.addAll(containerAlerts(pod, container, created));
        }
        return alerts;
    }

    private static Optional<Alert> unschedulable(PodStatus status, Instant created) {
        return PodStatusMapper.condition(status, "PodScheduled")
                .filter(scheduled -> "False".equals(scheduled.getStatus()))
                .filter(scheduled -> "Unschedulable".equals(scheduled.getReason()))
                .map(scheduled -> new Alert(Alert.Level.ERROR, UNSCHEDULABLE,
                        unschedulableMessage(Optional.ofNullable(scheduled.getMessage()).orElse("")),
                        PodStatusMapper.instant(scheduled.getLastTransitionTime(), created)));
    }

    /** What the user can expect and do, then the scheduler's own summary (which names the missing resource). */
    private static String unschedulableMessage(String scheduler) {
        String reported = scheduler.isBlank() ? "" : " (the scheduler reports: " + scheduler.strip() + ")";
        if (scheduler.contains("Insufficient " + PodManifests.GPU)) {
            return "No node has a free GPU for this service right now" + reported + ". It starts once a GPU is"
                    + " free; a performance type without a GPU can start now.";
        }
        return "No node can run this service right now" + reported + ". It starts once a node has room; a smaller"
                + " performance type may start sooner.";
    }

    private static List<Alert> containerAlerts(Pod pod, ContainerStatus container, Instant created) {
        List<Alert> alerts = new ArrayList<>();
        ContainerState state = Optional.ofNullable(container.getState()).orElse(new ContainerState());
        String waiting = state.getWaiting() == null ? "" : String.valueOf(state.getWaiting().getReason());
        if (IMAGE_REASONS.contains(waiting)) {
            alerts.add(new Alert(Alert.Level.ERROR, IMAGE_MISSING,
                    "The image '" + container.getImage() + "' cannot be pulled (" + waiting + ").", created));
        }
        if (waiting.equals("CrashLoopBackOff")) {
            alerts.add(new Alert(Alert.Level.ERROR, CRASH_LOOP, "The service keeps crashing; it has restarted "
                    + Optional.ofNullable(container.getRestartCount()).orElse(0) + " times.", created));
        }
        if (oomKilled(state)) {
            alerts.add(oom(Alert.Level.ERROR, pod, container, state, created));
        } else if (oomKilled(container.getLastState())) {
            // it was restarted and may be fine now: tell the user, but do not fail the instance for it
            alerts.add(oom(Alert.Level.WARNING, pod, container, container.getLastState(), created));
        }
        return alerts;
    }

    private static boolean oomKilled(ContainerState state) {
        return state != null && state.getTerminated() != null
                && OOM_KILLED.equals(state.getTerminated().getReason());
    }

    private static Alert oom(Alert.Level level, Pod pod, ContainerStatus container, ContainerState state,
            Instant created) {
        String limit = memoryLimit(pod, container.getName()).map(quantity -> " (limit " + quantity + ")").orElse("");
        String message = level == Alert.Level.ERROR
                ? "The service ran out of memory" + limit + " and was killed; choose a performance type with more"
                        + " memory."
                : "The service ran out of memory" + limit + " and was restarted; choose a performance type with more"
                        + " memory if this happens again.";
        return new Alert(level, OOM_KILLED, message,
                PodStatusMapper.instant(state.getTerminated().getFinishedAt(), created));
    }

    private static Optional<String> memoryLimit(Pod pod, String containerName) {
        if (pod.getSpec() == null || pod.getSpec().getContainers() == null) {
            return Optional.empty();
        }
        return pod.getSpec().getContainers().stream()
                .filter(container -> containerName != null && containerName.equals(container.getName()))
                .map(Container::getResources)
                .filter(resources -> resources != null && resources.getLimits() != null)
                .map(resources -> resources.getLimits().get("memory"))
                .filter(quantity -> quantity != null)
                .map(Quantity::toString)
                .findFirst();
    }
}

package org.aapf.adapter.out.k8s;

import io.fabric8.kubernetes.api.model.ContainerStatus;
import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.PodCondition;
import io.fabric8.kubernetes.api.model.PodStatus;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.aapf.application.port.out.InstanceRef;
import org.aapf.application.port.out.ObservedInstance;
import org.aapf.application.port.out.ObservedInstance.Phase;
import org.aapf.domain.cluster.Alert;
import org.aapf.domain.cluster.Health;
import org.aapf.domain.user.UserId;

/** Turns a pod as the API server reports it into an {@link ObservedInstance}: phase, health and typed alerts. */
final class PodStatusMapper {

    private static final Set<String> TERMINAL_PHASES = Set.of("Failed", "Succeeded");

    private PodStatusMapper() {
    }

    /** The observed instance, or empty when the pod's labels do not name one of our instances. */
    static Optional<ObservedInstance> observe(Pod pod, Instant now) {
        Map<String, String> labels = pod.getMetadata().getLabels();
        Optional<InstanceRef> ref = Labels.refOf(labels);
        Optional<UserId> owner = Labels.ownerOf(labels);
        if (ref.isEmpty() || owner.isEmpty()) {
            return Optional.empty();
        }
        PodStatus status = pod.getStatus() == null ? new PodStatus() : pod.getStatus();
        Instant created = instant(pod.getMetadata().getCreationTimestamp(), now);
        String hash = Optional.ofNullable(pod.getMetadata().getAnnotations())
                .map(annotations -> annotations.get(Labels.SPEC_HASH)).orElse("");
        if (pod.getMetadata().getDeletionTimestamp() != null) {
            return Optional.of(new ObservedInstance(ref.get(), owner.get(), hash, Phase.TERMINATING,
                    Optional.empty(), List.of(), instant(pod.getMetadata().getDeletionTimestamp(), now), false));
        }
        List<Alert> alerts = PodAlerts.of(pod, status, created);
        Phase phase = phase(status, alerts);
        Optional<Health> health = phase == Phase.READY ? Optional.of(Health.HEALTHY) : Optional.empty();
        return Optional.of(new ObservedInstance(ref.get(), owner.get(), hash, phase, health,
                withExit(phase, status, alerts, created), since(status, created), restartsItself(status)));
    }

    /**
     * The kubelet restarts a pod's crashed container (restartPolicy Always) and retries its image pull, each with its
     * own back-off, and the scheduler retries an unschedulable pod; only a pod that ended for good (phase
     * {@code Failed} or {@code Succeeded}, e.g. evicted) is left for the reconciler to replace.
     */
    private static boolean restartsItself(PodStatus status) {
        return !TERMINAL_PHASES.contains(String.valueOf(status.getPhase()));
    }

    private static Phase phase(PodStatus status, List<Alert> alerts) {
        String podPhase = String.valueOf(status.getPhase());
        if (podPhase.equals("Failed") || podPhase.equals("Succeeded")
                || alerts.stream().anyMatch(alert -> alert.level() == Alert.Level.ERROR)) {
            return Phase.FAILED;
        }
        if (podPhase.equals("Running")) {
            return condition(status, "Ready").filter(ready -> "True".equals(ready.getStatus())).isPresent()
                    ? Phase.READY : Phase.STARTING;
        }
        return Phase.PENDING;
    }

    /** A pod that ended without a typed reason still tells the user it exited, and how. */
    private static List<Alert> withExit(Phase phase, PodStatus status, List<Alert> alerts, Instant created) {
        if (phase != Phase.FAILED || !alerts.isEmpty()) {
            return alerts;
        }
        String detail = Optional.ofNullable(status.getReason()).map(reason -> " (" + reason + ")").orElse("")
                + exitCode(status).map(code -> ", exit code " + code).orElse("");
        List<Alert> withExit = new ArrayList<>(alerts);
        withExit.add(new Alert(Alert.Level.ERROR, "Exited", "The service stopped" + detail + ".", created));
        return withExit;
    }

    private static Optional<Integer> exitCode(PodStatus status) {
        return Optional.ofNullable(status.getContainerStatuses()).orElse(List.of()).stream()
                .map(ContainerStatus::getState)
                .filter(state -> state != null && state.getTerminated() != null)
                .map(state -> state.getTerminated().getExitCode())
                .findFirst();
    }

    /** When the pod entered its current state: its latest condition change, else its creation. */
    private static Instant since(PodStatus status, Instant created) {
        return Optional.ofNullable(status.getConditions()).orElse(List.of()).stream()
                .map(condition -> instant(condition.getLastTransitionTime(), created))
                .max(Instant::compareTo)
                .orElse(created);
    }

    static Optional<PodCondition> condition(PodStatus status, String type) {
        return Optional.ofNullable(status.getConditions()).orElse(List.of()).stream()
                .filter(condition -> type.equals(condition.getType()))
                .findFirst();
    }

    static Instant instant(String timestamp, Instant fallback) {
        if (timestamp == null) {
            return fallback;
        }
        try {
            return Instant.parse(timestamp);
        } catch (DateTimeParseException e) {
            return fallback;
        }
    }
}

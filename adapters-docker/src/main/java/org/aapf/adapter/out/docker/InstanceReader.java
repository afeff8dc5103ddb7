package org.aapf.adapter.out.docker;

import com.github.dockerjava.api.command.InspectContainerResponse;
import com.github.dockerjava.api.command.InspectContainerResponse.ContainerState;
import com.github.dockerjava.api.model.ContainerNetwork;
import com.github.dockerjava.api.model.ExposedPort;
import com.github.dockerjava.api.model.Ports;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.Semaphore;
import org.aapf.adapter.out.docker.DockerSettings.EndpointMode;
import org.aapf.application.port.out.Endpoint;
import org.aapf.application.port.out.InstanceRef;
import org.aapf.application.port.out.ObservedInstance;
import org.aapf.application.port.out.ObservedInstance.Phase;
import org.aapf.domain.cluster.Alert;
import org.aapf.domain.cluster.Health;
import org.aapf.domain.user.UserId;

/** Reads an inspected container as an {@link ObservedInstance} and finds where its HTTP port can be reached. */
final class InstanceReader {

    /** Health probes in flight at once while {@link #observed(List)} reads many containers. */
    static final int CONCURRENT_PROBES = 32;
    private static final Instant NEVER = Instant.parse("0001-01-01T00:00:00Z");

    private final ContainerSpecs specs;
    private final EndpointMode endpointMode;
    private final ProbedHealth health;

    InstanceReader(ContainerSpecs specs, EndpointMode endpointMode, ProbedHealth health) {
        this.specs = specs;
        this.endpointMode = endpointMode;
        this.health = health;
    }

    /**
     * The instances these containers are, in their order, each read as {@link #observed(InspectContainerResponse)}
     * reads it. Their health probes run concurrently: a user controls what answers at their instance's health path,
     * so instances that do not answer cost a pass one probe timeout, not one timeout each (and once they failed, none:
     * {@link ProbedHealth}). What is known of containers not among these is forgotten.
     */
    List<ObservedInstance> observed(List<InspectContainerResponse> containers) {
        Semaphore probes = new Semaphore(CONCURRENT_PROBES);
        List<Future<Optional<ObservedInstance>>> reads = new ArrayList<>();
        try (ExecutorService readers = Executors.newVirtualThreadPerTaskExecutor()) {
            for (InspectContainerResponse container : containers) {
                reads.add(readers.submit(() -> {
                    probes.acquire();
                    try {
                        return observed(container);
                    } finally {
                        probes.release();
                    }
                }));
            }
        }
        health.retainOnly(containers.stream().map(InspectContainerResponse::getId).toList());
        return reads.stream().flatMap(read -> {
            if (read.state() == Future.State.FAILED && read.exceptionNow() instanceof RuntimeException failure) {
                throw failure;
            }
            return read.resultNow().stream();
        }).toList();
    }

    /** The instance this container is; empty when its labels do not name one of ours completely. */
    Optional<ObservedInstance> observed(InspectContainerResponse container) {
        Map<String, String> labels = labels(container);
        Optional<InstanceRef> ref = OwnedLabels.ref(labels);
        if (ref.isEmpty() || OwnedLabels.owner(labels).isEmpty()) {
            return Optional.empty();
        }
        String specHash = labels.getOrDefault(OwnedLabels.SPEC_HASH, "");
        return Optional.of(state(container, ref.get(), labels)
                .toObserved(ref.get(), OwnedLabels.owner(labels).get(), specHash));
    }

    /** Where the server reaches the container's HTTP port; empty unless it is running and has one. */
    Optional<Endpoint> endpoint(InspectContainerResponse container) {
        ContainerState state = container.getState();
        Optional<Integer> httpPort = OwnedLabels.httpPort(labels(container));
        if (state == null || !Boolean.TRUE.equals(state.getRunning()) || httpPort.isEmpty()
                || container.getNetworkSettings() == null) {
            return Optional.empty();
        }
        return endpointMode == EndpointMode.LOOPBACK_PUBLISHED
                ? publishedEndpoint(container, httpPort.get())
                : networkEndpoint(container, httpPort.get());
    }

    private State state(InspectContainerResponse container, InstanceRef ref, Map<String, String> labels) {
        ContainerState state = container.getState();
        String status = state == null || state.getStatus() == null ? "created" : state.getStatus();
        Instant created = instant(container.getCreated()).orElse(Instant.now());
        Instant started = instant(state == null ? null : state.getStartedAt()).orElse(created);
        Instant finished = instant(state == null ? null : state.getFinishedAt()).orElse(started);
        return switch (status) {
            case "running" -> running(container, ref, labels, started);
            case "restarting", "paused" -> new State(Phase.STARTING, Optional.empty(), List.of(), started);
            case "removing" -> new State(Phase.TERMINATING, Optional.empty(), List.of(), finished);
            case "exited", "dead" -> new State(Phase.FAILED, Optional.empty(), List.of(stopAlert(state, finished)),
                    finished);
            default -> new State(Phase.PENDING, Optional.empty(), List.of(), created);
        };
    }

    private State running(InspectContainerResponse container, InstanceRef ref, Map<String, String> labels,
            Instant started) {
        String dockerHealth = container.getState().getHealth() == null ? null
                : container.getState().getHealth().getStatus();
        if (dockerHealth != null && !"none".equals(dockerHealth)) {
            return switch (dockerHealth) {
                case "healthy" -> new State(Phase.READY, Optional.of(Health.HEALTHY), List.of(), started);
                case "unhealthy" -> new State(Phase.STARTING, Optional.of(Health.UNHEALTHY), List.of(), started);
                default -> new State(Phase.STARTING, Optional.empty(), List.of(), started);
            };
        }
        Optional<String> healthPath = OwnedLabels.healthPath(labels);
        if (healthPath.isEmpty()) {
            return new State(Phase.READY, Optional.empty(), List.of(), started);
        }
        boolean healthy = endpoint(container)
                .map(e -> health.healthy(container.getId(), ref, e, healthPath.get())).orElse(false);
        return healthy
                ? new State(Phase.READY, Optional.of(Health.HEALTHY), List.of(), started)
                : new State(Phase.STARTING, Optional.empty(), List.of(), started);
    }

    private static Alert stopAlert(ContainerState state, Instant at) {
        if (Boolean.TRUE.equals(state.getOOMKilled())) {
            return new Alert(Alert.Level.ERROR, "OOMKilled",
                    "The instance ran out of memory and was killed; choose a larger performance type", at);
        }
        if ("dead".equals(state.getStatus())) {
            return new Alert(Alert.Level.ERROR, "Dead", "The Docker engine could not stop or remove the instance", at);
        }
        Integer code = state.getExitCode();
        return new Alert(Alert.Level.ERROR, "Exited",
                "The instance exited with code " + (code == null ? "unknown" : code), at);
    }

    private Optional<Endpoint> publishedEndpoint(InspectContainerResponse container, int httpPort) {
        Ports ports = container.getNetworkSettings().getPorts();
        Ports.Binding[] bindings = ports == null ? null : ports.getBindings().get(ExposedPort.tcp(httpPort));
        if (bindings == null) {
            return Optional.empty();
        }
        for (Ports.Binding binding : bindings) {
            if (ContainerSpecs.LOOPBACK.equals(binding.getHostIp()) && binding.getHostPortSpec() != null) {
                return Optional.of(new Endpoint(ContainerSpecs.LOOPBACK, Integer.parseInt(binding.getHostPortSpec())));
            }
        }
        return Optional.empty();
    }

    private Optional<Endpoint> networkEndpoint(InspectContainerResponse container, int httpPort) {
        Optional<InstanceRef> ref = OwnedLabels.ref(labels(container));
        Map<String, ContainerNetwork> networks = container.getNetworkSettings().getNetworks();
        if (ref.isEmpty() || networks == null) {
            return Optional.empty();
        }
        return Optional.ofNullable(networks.get(specs.networkName(ref.get().cluster())))
                .map(ContainerNetwork::getIpAddress)
                .filter(ip -> !ip.isBlank())
                .map(ip -> new Endpoint(ip, httpPort));
    }

    private static Map<String, String> labels(InspectContainerResponse container) {
        Map<String, String> labels = container.getConfig() == null ? null : container.getConfig().getLabels();
        return labels == null ? Map.of() : labels;
    }

    private static Optional<Instant> instant(String dockerTime) {
        try {
            return Optional.ofNullable(dockerTime).map(Instant::parse).filter(t -> t.isAfter(NEVER));
        } catch (DateTimeParseException e) {
            return Optional.empty();
        }
    }

    private record State(Phase phase, Optional<Health> health, List<Alert> alerts, Instant since) {

        ObservedInstance toObserved(InstanceRef ref, UserId owner, String specHash) {
            return new ObservedInstance(ref, owner, specHash, phase, health, alerts, since, false);
        }
    }
}

package org.aapf.adapter.out.docker;

import com.github.dockerjava.api.DockerClient;
import com.github.dockerjava.api.command.InspectContainerResponse;
import com.github.dockerjava.api.exception.BadRequestException;
import com.github.dockerjava.api.exception.ConflictException;
import com.github.dockerjava.api.exception.DockerException;
import com.github.dockerjava.api.exception.InternalServerErrorException;
import com.github.dockerjava.api.exception.NotFoundException;
import com.github.dockerjava.api.exception.NotModifiedException;
import com.github.dockerjava.api.model.Container;
import com.github.dockerjava.transport.DockerHttpClient;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.aapf.adapter.out.docker.DockerEventWatch.HealthTarget;
import org.aapf.application.port.out.BackendCapacity;
import org.aapf.application.port.out.ClusterBackend;
import org.aapf.application.port.out.HostCapacity;
import org.aapf.application.port.out.DesiredInstance;
import org.aapf.application.port.out.Endpoint;
import org.aapf.application.port.out.InstanceRef;
import org.aapf.application.port.out.ObservedInstance;
import org.aapf.application.port.out.Workspace;
import org.aapf.domain.cluster.ClusterId;
import org.aapf.domain.error.AapfException;
import org.aapf.domain.error.ErrorReason;

/**
 * Runs AACluster instances as containers on one Docker engine, each cluster on its own bridge network; everything it
 * creates carries this server's labels, and nothing without them is ever touched.
 */
public final class DockerClusterBackend implements ClusterBackend, BackendCapacity, AutoCloseable {

    private static final System.Logger LOG = System.getLogger(DockerClusterBackend.class.getName());
    private static final Pattern ENGINE_MESSAGE = Pattern.compile("\"message\"\\s*:\\s*\"(.*?)\"");
    private static final int MAX_MESSAGE = 300;

    private final DockerSettings settings;
    private final DockerClient client;
    private final DockerHostCapacity capacity;
    private final ContainerSpecs specs;
    private final ClusterNetworks networks;
    private final InstanceReader reader;
    private final HttpHealthProbe probe;
    private final RefusedInstances refused;
    private final WorkspaceVolumes workspaces;
    private final WorkspaceCopies copies;
    private final DockerHttpClient http;
    private final List<Consumer<InstanceRef>> listeners = new CopyOnWriteArrayList<>();

    /** A backend talking to the engine the settings name; it owns the client and closes it in {@link #close()}. */
    public DockerClusterBackend(DockerSettings settings) {
        this(settings, DockerClients.create(settings));
    }

    DockerClusterBackend(DockerSettings settings, DockerClient client) {
        this.settings = Objects.requireNonNull(settings, "'settings' must not be null");
        this.client = Objects.requireNonNull(client, "'client' must not be null");
        this.specs = new ContainerSpecs(settings);
        this.networks = new ClusterNetworks(client, specs, settings.serverId());
        this.probe = new HttpHealthProbe(settings.healthTimeout());
        this.reader = new InstanceReader(specs, settings.endpointMode(),
                new ProbedHealth(probe, this::notifyListeners));
        this.refused = new RefusedInstances(client, settings.pullMissingImages());
        this.http = DockerClients.http(settings);
        this.workspaces = new WorkspaceVolumes(client, http, specs, settings.serverId());
        this.copies = new WorkspaceCopies(client, specs, settings.serverId());
        this.capacity = new DockerHostCapacity(client);
    }

    @Override
    public String name() {
        return "docker";
    }

    @Override
    public void apply(DesiredInstance desired) {
        ContainerSpec spec = specs.spec(desired);
        DockerErrors.run("create the instance", () -> {
            networks.ensure(desired.ref().cluster());
            workspaces.ensure(desired);
            Optional<InspectContainerResponse> existing = inspectOwned(spec.name());
            if (existing.isPresent() && spec.specHash().equals(specHash(existing.get()))) {
                startIfNeverStarted(existing.get());
                refused.forget(desired.ref());
                return;
            }
            existing.ifPresent(container -> removeContainer(container.getId()));
            if (desired.workspacePath().isPresent()) {
                copies.removeHelper(desired.ref().cluster());
            }
            if (!refused.ensureAvailable(desired)) {
                notifyListeners(desired.ref());
                return;
            }
            try {
                createAndStart(spec);
                refused.forget(desired.ref());
            } catch (BadRequestException | InternalServerErrorException e) {
                refused(desired, spec, e);
            }
        });
    }

    @Override
    public void remove(InstanceRef ref) {
        DockerErrors.run("remove the instance", () -> {
            inspectOwned(specs.containerName(ref)).ifPresent(container -> removeContainer(container.getId()));
            refused.forget(ref);
        });
    }

    @Override
    public void removeCluster(ClusterId cluster) {
        DockerErrors.run("remove the cluster", () -> {
            for (Container container : ownedContainers(Optional.of(cluster))) {
                removeContainer(container.getId());
            }
            refused.forgetCluster(cluster);
            networks.remove(cluster);
        });
    }

    @Override
    public void removeWorkspace(ClusterId cluster) {
        DockerErrors.run("remove the workspace", () -> {
            copies.removeHelper(cluster);
            workspaces.remove(cluster);
        });
    }

    /** {@inheritDoc} The engine's archive API copies the old volume's files into the running container. */
    @Override
    public boolean copiesWorkspaces() {
        return true;
    }

    @Override
    public WorkspaceCopy copyWorkspace(ClusterId from, InstanceRef into, String workspacePath, long maxBytes) {
        return DockerErrors.call("copy the workspace", () -> copies.copy(from, into, workspacePath, maxBytes));
    }

    @Override
    public List<Workspace> workspaces() {
        return DockerErrors.call("list the workspaces", workspaces::list);
    }

    @Override
    public List<ObservedInstance> observe() {
        return DockerErrors.call("list the instances", () -> {
            List<InspectContainerResponse> containers = ownedContainers(Optional.empty()).stream()
                    .flatMap(container -> inspect(container.getId()).stream()).toList();
            List<ObservedInstance> observed = new ArrayList<>(reader.observed(containers));
            Set<InstanceRef> seen = observed.stream().map(ObservedInstance::ref).collect(Collectors.toSet());
            refused.failedInstances().stream().filter(failed -> !seen.contains(failed.ref())).forEach(observed::add);
            return List.copyOf(observed);
        });
    }

    @Override
    public Optional<String> imageProblem(String reference) {
        return DockerErrors.call("inspect the image", () -> refused.problem(reference));
    }

    @Override
    public Watch watch(Consumer<InstanceRef> onChange) {
        Objects.requireNonNull(onChange, "'onChange' must not be null");
        listeners.add(onChange);
        DockerEventWatch events = new DockerEventWatch(client, settings.serverId(), onChange, readiness)
                .start();
        return () -> {
            listeners.remove(onChange);
            events.close();
        };
    }

    @Override
    public Optional<Endpoint> endpoint(InstanceRef ref) {
        return DockerErrors.call("find the instance's address",
                () -> inspectOwned(specs.containerName(ref)).flatMap(reader::endpoint));
    }

    /** {@inheritDoc} The engine's machine, from {@code docker info}. */
    @Override
    public Optional<List<HostCapacity>> hosts() {
        return capacity.hosts();
    }

    /** Closes the engine client; watches stop with it. */
    @Override
    public void close() {
        try {
            http.close();
            client.close();
        } catch (IOException e) {
            throw new AapfException(ErrorReason.INTERNAL, "Closing the Docker client failed", e);
        }
    }

    private final DockerEventWatch.ReadinessCheck readiness = new DockerEventWatch.ReadinessCheck() {

        @Override
        public Optional<HealthTarget> target(InstanceRef ref) {
            Optional<InspectContainerResponse> container = inspectOwned(specs.containerName(ref));
            Optional<String> path = container.flatMap(c -> OwnedLabels.healthPath(labels(c)));
            return container.flatMap(reader::endpoint).flatMap(endpoint -> path.map(p -> new HealthTarget(endpoint, p)));
        }

        @Override
        public boolean healthy(HealthTarget target) {
            return probe.isHealthy(target.endpoint(), target.path());
        }
    };

    /**
     * The engine will not run this spec (for example more CPUs than the host has, or a GPU without the NVIDIA
     * runtime): report the instance failed with the engine's reason instead of retrying the same request forever.
     */
    private void refused(DesiredInstance desired, ContainerSpec spec, DockerException e) {
        LOG.log(System.Logger.Level.WARNING, "The Docker engine refused " + spec.name() + ": " + e.getMessage());
        inspectOwned(spec.name()).ifPresent(container -> removeContainer(container.getId()));
        refused.refuse(desired, "Refused", "The Docker engine refused to run the instance: " + engineMessage(e));
        notifyListeners(desired.ref());
    }

    /** The engine's explanation from an error such as {@code Status 400: {"message":"..."}}, kept short. */
    static String engineMessage(DockerException e) {
        String text = String.valueOf(e.getMessage());
        Matcher quoted = ENGINE_MESSAGE.matcher(text);
        String found = (quoted.find() ? quoted.group(1) : text.replaceFirst("^Status \\d+:\\s*", "")).strip();
        return found.length() > MAX_MESSAGE ? found.substring(0, MAX_MESSAGE) + "…" : found;
    }

    private void createAndStart(ContainerSpec spec) {
        try {
            create(spec);
        } catch (ConflictException e) {
            // Another process created it between our look and our create: fine if it is the same spec.
            Optional<InspectContainerResponse> winner = inspectOwned(spec.name());
            if (winner.isPresent() && spec.specHash().equals(specHash(winner.get()))) {
                startIfNeverStarted(winner.get());
                return;
            }
            winner.ifPresent(container -> removeContainer(container.getId()));
            create(spec);
        }
        start(spec.name());
    }

    private void create(ContainerSpec spec) {
        var command = client.createContainerCmd(spec.image())
                .withName(spec.name())
                .withLabels(spec.labels())
                .withEnv(spec.env())
                .withExposedPorts(spec.httpPort())
                .withHostConfig(spec.hostConfig())
                .withAliases(spec.networkAliases());
        if (!spec.command().isEmpty()) {
            command.withCmd(spec.command());
        }
        command.exec();
    }

    private void start(String containerId) {
        try {
            client.startContainerCmd(containerId).exec();
        } catch (NotModifiedException e) {
            // already started by a concurrent apply
        }
    }

    private void startIfNeverStarted(InspectContainerResponse container) {
        if (container.getState() != null && "created".equals(container.getState().getStatus())) {
            start(container.getId());
        }
    }

    private void removeContainer(String containerId) {
        try {
            client.removeContainerCmd(containerId).withForce(true).withRemoveVolumes(true).exec();
        } catch (NotFoundException e) {
            // already gone
        } catch (ConflictException e) {
            // removal already in progress
        }
    }

    private List<Container> ownedContainers(Optional<ClusterId> cluster) {
        List<String> filters = new ArrayList<>(List.of(OwnedLabels.serverFilter(settings.serverId())));
        cluster.ifPresent(id -> filters.add(OwnedLabels.CLUSTER + "=" + id));
        return client.listContainersCmd().withShowAll(true).withLabelFilter(filters).exec();
    }

    /** The container under this name if it exists and is ours; a stranger's container is never returned. */
    private Optional<InspectContainerResponse> inspectOwned(String name) {
        return inspect(name).filter(c -> settings.serverId().equals(labels(c).get(OwnedLabels.SERVER)));
    }

    private Optional<InspectContainerResponse> inspect(String nameOrId) {
        try {
            return Optional.of(client.inspectContainerCmd(nameOrId).exec());
        } catch (NotFoundException e) {
            return Optional.empty();
        }
    }

    private void notifyListeners(InstanceRef ref) {
        for (Consumer<InstanceRef> listener : listeners) {
            try {
                listener.accept(ref);
            } catch (RuntimeException e) {
                LOG.log(System.Logger.Level.WARNING, "Cluster backend listener failed", e);
            }
        }
    }

    private static String specHash(InspectContainerResponse container) {
        return labels(container).getOrDefault(OwnedLabels.SPEC_HASH, "");
    }

    private static Map<String, String> labels(InspectContainerResponse container) {
        Map<String, String> labels = container.getConfig() == null ? null : container.getConfig().getLabels();
        return labels == null ? Map.of() : labels;
    }
}

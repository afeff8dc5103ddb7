package org.aapf.adapter.out.k8s;

import io.fabric8.kubernetes.api.model.ConfigMap;
import io.fabric8.kubernetes.api.model.DeletionPropagation;
import io.fabric8.kubernetes.api.model.Namespace;
import io.fabric8.kubernetes.api.model.NamespaceBuilder;
import io.fabric8.kubernetes.api.model.OwnerReference;
import io.fabric8.kubernetes.api.model.PersistentVolumeClaim;
import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.Quantity;
import io.fabric8.kubernetes.client.KubernetesClient;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Consumer;
import org.aapf.adapter.out.k8s.KubernetesSettings.EndpointMode;
import org.aapf.adapter.out.k8s.KubernetesSettings.NamespaceMode;
import org.aapf.application.port.out.BackendCapacity;
import org.aapf.application.port.out.ClusterBackend;
import org.aapf.application.port.out.HostCapacity;
import org.aapf.application.port.out.DesiredInstance;
import org.aapf.application.port.out.Endpoint;
import org.aapf.application.port.out.InstanceRef;
import org.aapf.application.port.out.ObservedInstance;
import org.aapf.application.port.out.Workspace;
import org.aapf.domain.cluster.ClusterId;
import org.aapf.domain.user.UserId;
import org.aapf.domain.cluster.ServiceKind;

/**
 * Runs AACluster instances as pods on Kubernetes through fabric8: one root ConfigMap per cluster owning a pod per
 * instance and Services for the notebook and named instances; state comes from a shared pod informer.
 * The caller owns the client; {@link #close()} stops the informer only.
 */
public final class KubernetesClusterBackend implements ClusterBackend, BackendCapacity, AutoCloseable {

    /** How long a write waits for the informer to see it; events normally arrive within milliseconds. */
    private static final Duration CACHE_WAIT = Duration.ofSeconds(5);
    /** Pod phases after which nothing restarts the pod's containers any more. */

    private final KubernetesClient client;
    private final KubernetesSettings settings;
    private final Clock clock;
    private final ObjectWriter writer;
    private final PodInformer informer;
    private final Set<String> knownNamespaces = ConcurrentHashMap.newKeySet();

    public KubernetesClusterBackend(KubernetesClient client, KubernetesSettings settings, Clock clock) {
        this.client = Objects.requireNonNull(client, "'client' must not be null");
        this.settings = Objects.requireNonNull(settings, "'settings' must not be null");
        this.clock = Objects.requireNonNull(clock, "'clock' must not be null");
        this.writer = new ObjectWriter(settings.namespaceMode() == NamespaceMode.SHARED
                ? Optional.of(settings.namespace()) : Optional.empty());
        this.informer = new PodInformer(handler -> writer.scoped(client.pods())
                .withLabels(Labels.server(settings.serverId()))
                .inform(handler, settings.resync().toMillis()));
    }

    @Override
    public String name() {
        return "kubernetes";
    }

    @Override
    public void apply(DesiredInstance desired) {
        KubernetesErrors.run("start the service", () -> {
            String namespace = settings.namespaceFor(desired.owner());
            ensureNamespace(namespace);
            ClusterId cluster = desired.ref().cluster();
            String server = settings.serverId();
            ConfigMap root = writer.createIfAbsent(client.configMaps().inNamespace(namespace),
                    ClusterManifests.root(server, namespace, cluster, desired.owner()));
            OwnerReference owner = ClusterManifests.ownedBy(root);
            writer.createIfAbsent(client.services().inNamespace(namespace),
                    ClusterManifests.subdomain(server, namespace, cluster, desired.owner(), owner));
            writer.createIfAbsent(client.network().v1().networkPolicies().inNamespace(namespace),
                    NetworkPolicyManifests.isolation(server, namespace, cluster, desired.owner(), owner,
                            serverNamespace()));
            if (ServiceManifests.needsService(desired)) {
                writer.replaceIfChanged(client.services(), ServiceManifests.service(server, namespace, desired, owner));
            }
            if (desired.workspacePath().isPresent()) {
                // no owner reference: the claim outlives pods, the root object and stop/start
                writer.createIfAbsent(client.persistentVolumeClaims().inNamespace(namespace),
                        WorkspaceClaims.claim(server, namespace, desired, settings.workspaces()));
            }
            writer.replaceIfChanged(client.pods(),
                    PodManifests.pod(server, namespace, settings.clusterDomain(), desired, owner));
        });
        String hash = desired.specHash();
        informer.awaitCache(pods -> podsOf(pods, desired.ref().cluster(), desired.ref()).stream()
                .anyMatch(pod -> pod.getMetadata().getDeletionTimestamp() != null
                        || hash.equals(specHashOf(pod))), CACHE_WAIT);
    }

    @Override
    public void remove(InstanceRef ref) {
        KubernetesErrors.run("remove the service", () -> {
            Map<String, String> selector = Labels.instance(settings.serverId(), ref);
            writer.deleteAll(client.pods(), selector, DeletionPropagation.BACKGROUND);
            writer.deleteAll(client.services(), selector, DeletionPropagation.BACKGROUND);
        });
        informer.awaitCache(pods -> allTerminating(podsOf(pods, ref.cluster(), ref)), CACHE_WAIT);
    }

    @Override
    public void removeCluster(ClusterId cluster) {
        KubernetesErrors.run("remove the cluster", () -> {
            Map<String, String> selector = Labels.cluster(settings.serverId(), cluster);
            // deleting the root is enough for the garbage collector; the explicit deletes make removal immediate
            // and complete where no garbage collector runs (the test API server)
            writer.deleteAll(client.configMaps(), selector, DeletionPropagation.BACKGROUND);
            writer.deleteAll(client.pods(), selector, DeletionPropagation.BACKGROUND);
            writer.deleteAll(client.services(), selector, DeletionPropagation.BACKGROUND);
            writer.deleteAll(client.network().v1().networkPolicies(), selector, DeletionPropagation.BACKGROUND);
        });
        informer.awaitCache(pods -> allTerminating(podsOf(pods, cluster, null)), CACHE_WAIT);
    }

    /**
     * Labels the cluster's objects (root, Services, NetworkPolicy, pods, workspace claim) with their new owner. The
     * pods stay where the pool started them: a pod cannot change namespace, so with a namespace per user a taken
     * instance stays in the pool owner's namespace (still isolated by its cluster's NetworkPolicy).
     */
    @Override
    public void adopt(ClusterId cluster, UserId owner) {
        KubernetesErrors.run("record the instance's owner", () -> {
            Map<String, String> selector = Labels.cluster(settings.serverId(), cluster);
            String value = owner.toString();
            writer.labelAll(client.configMaps(), selector, Labels.OWNER, value);
            writer.labelAll(client.services(), selector, Labels.OWNER, value);
            writer.labelAll(client.network().v1().networkPolicies(), selector, Labels.OWNER, value);
            writer.labelAll(client.persistentVolumeClaims(), selector, Labels.OWNER, value);
            writer.labelAll(client.pods(), selector, Labels.OWNER, value);
        });
    }

    /** The cached pods of the cluster, or of one instance of it when {@code ref} is given. */
    private static List<Pod> podsOf(List<Pod> pods, ClusterId cluster, InstanceRef ref) {
        return pods.stream()
                .filter(pod -> cluster.toString().equals(pod.getMetadata().getLabels().get(Labels.CLUSTER)))
                .filter(pod -> ref == null
                        || Labels.refOf(pod.getMetadata().getLabels()).equals(Optional.of(ref)))
                .toList();
    }

    private static String specHashOf(Pod pod) {
        Map<String, String> annotations = pod.getMetadata().getAnnotations();
        return annotations == null ? "" : annotations.getOrDefault(Labels.SPEC_HASH, "");
    }

    private static boolean allTerminating(List<Pod> pods) {
        return pods.stream().allMatch(pod -> pod.getMetadata().getDeletionTimestamp() != null);
    }

    @Override
    public void removeWorkspace(ClusterId cluster) {
        KubernetesErrors.run("remove the workspace", () -> writer.deleteAll(client.persistentVolumeClaims(),
                workspaceSelector(Labels.cluster(settings.serverId(), cluster)), DeletionPropagation.BACKGROUND));
    }

    @Override
    public List<Workspace> workspaces() {
        return KubernetesErrors.call("list the workspaces", () -> writer.scoped(client.persistentVolumeClaims())
                .withLabels(workspaceSelector(Labels.server(settings.serverId()))).list().getItems().stream()
                .flatMap(claim -> workspace(claim).stream()).toList());
    }

    private static Map<String, String> workspaceSelector(Map<String, String> labels) {
        Map<String, String> selector = new LinkedHashMap<>(labels);
        selector.put(Labels.WORKSPACE, "true");
        return selector;
    }

    /** A claim as a workspace: its requested size stands for its size (the API does not report usage). */
    private static Optional<Workspace> workspace(PersistentVolumeClaim claim) {
        Map<String, String> labels = claim.getMetadata().getLabels();
        try {
            ClusterId cluster = ClusterId.parse(labels.get(Labels.CLUSTER));
            Optional<Instant> created = Optional.ofNullable(claim.getMetadata().getCreationTimestamp())
                    .map(Instant::parse);
            Quantity requested = claim.getSpec() == null || claim.getSpec().getResources() == null
                    || claim.getSpec().getResources().getRequests() == null
                    ? null : claim.getSpec().getResources().getRequests().get("storage");
            OptionalLong size = requested == null ? OptionalLong.empty()
                    : OptionalLong.of(requested.getNumericalAmount().longValue());
            return Optional.of(new Workspace(cluster, claim.getMetadata().getNamespace() + "/"
                    + claim.getMetadata().getName(), Labels.ownerOf(labels), created, size));
        } catch (RuntimeException e) {
            return Optional.empty();
        }
    }

    @Override
    public List<ObservedInstance> observe() {
        return informer.pods().stream()
                .map(pod -> PodStatusMapper.observe(pod, clock.instant()))
                .flatMap(Optional::stream)
                .toList();
    }

    @Override
    public Watch watch(Consumer<InstanceRef> onChange) {
        return informer.addListener(Objects.requireNonNull(onChange, "'onChange' must not be null"));
    }

    @Override
    public Optional<Endpoint> endpoint(InstanceRef ref) {
        return informer.pods().stream()
                .filter(pod -> Labels.refOf(pod.getMetadata().getLabels()).equals(Optional.of(ref)))
                .filter(pod -> pod.getMetadata().getDeletionTimestamp() == null)
                .filter(pod -> pod.getStatus() != null && "Running".equals(pod.getStatus().getPhase()))
                .findFirst()
                .flatMap(this::endpointOf);
    }

    private Optional<Endpoint> endpointOf(Pod pod) {
        Optional<Integer> port = pod.getSpec().getContainers().stream()
                .flatMap(container -> container.getPorts().stream())
                .filter(containerPort -> "http".equals(containerPort.getName()))
                .map(containerPort -> containerPort.getContainerPort())
                .findFirst();
        if (settings.endpointMode() == EndpointMode.SERVICE_DNS && hasService(pod)) {
            String host = pod.getMetadata().getName() + "." + pod.getMetadata().getNamespace() + ".svc";
            return port.map(number -> new Endpoint(host, number));
        }
        return port.flatMap(number -> Optional.ofNullable(pod.getStatus().getPodIP())
                .filter(ip -> !ip.isBlank())
                .map(ip -> new Endpoint(ip, number)));
    }

    /** Mirrors {@link ServiceManifests#needsService}: the notebook and instances with a hostname have one. */
    private static boolean hasService(Pod pod) {
        return ServiceKind.JUPYTER_NOTEBOOK.apiName().equals(pod.getMetadata().getLabels().get(Labels.SERVICE))
                || pod.getSpec().getHostname() != null;
    }

    /**
     * The namespace the AAPF server pods run in, whose pods the NetworkPolicies let in: the client's namespace (in a
     * pod, the service account's; else the kubeconfig context's).
     */
    private String serverNamespace() {
        String namespace = client.getNamespace();
        return namespace == null || namespace.isBlank() ? "default" : namespace;
    }

    private void ensureNamespace(String namespace) {
        if (settings.namespaceMode() == NamespaceMode.SHARED || knownNamespaces.contains(namespace)) {
            return;
        }
        Namespace wanted = new NamespaceBuilder()
                .withNewMetadata()
                    .withName(namespace)
                    .withLabels(Labels.server(settings.serverId()))
                    .addToLabels("pod-security.kubernetes.io/enforce", "restricted")
                .endMetadata()
                .build();
        writer.createIfAbsent(client.namespaces(), wanted);
        knownNamespaces.add(namespace);
    }

    /** {@inheritDoc} Every schedulable node's allocatable resources. */
    @Override
    public Optional<List<HostCapacity>> hosts() {
        return new KubernetesNodeCapacity(client).hosts();
    }

    /** Stops the informer; the client stays open (its owner closes it). */
    @Override
    public void close() {
        informer.close();
    }
}

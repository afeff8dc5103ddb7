package org.aapf.adapter.out.k8s;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.networking.v1.NetworkPolicy;
import io.fabric8.kubernetes.api.model.PodBuilder;
import io.fabric8.kubernetes.api.model.PodStatus;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.server.mock.EnableKubernetesMockClient;
import io.fabric8.kubernetes.client.server.mock.KubernetesMockServer;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.aapf.adapter.out.k8s.KubernetesSettings.EndpointMode;
import org.aapf.adapter.out.k8s.KubernetesSettings.NamespaceMode;
import org.aapf.application.port.out.ClusterBackend;
import org.aapf.application.port.out.DesiredInstance;
import org.aapf.application.port.out.Endpoint;
import org.aapf.application.port.out.InstanceRef;
import org.aapf.application.port.out.ObservedInstance;
import org.aapf.application.port.out.ObservedInstance.Phase;
import org.aapf.domain.cluster.Alert;
import org.aapf.domain.cluster.ClusterId;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

@EnableKubernetesMockClient(crud = true, https = false, kubernetesClientBuilderCustomizer = NoRetries.class)
class KubernetesClusterBackendIT {

    private static final String NAMESPACE = "aapf";

    /** One mock API server for the class (static): starting and stopping one per test is slow. */
    static KubernetesClient client;
    static KubernetesMockServer server;

    /** Clients that watch get their own connections, closed after each test, so no stream outlives its test. */
    private final List<KubernetesClient> watchingClients = new ArrayList<>();
    private final List<KubernetesClusterBackend> backends = new ArrayList<>();
    private KubernetesClusterBackend backend;
    private final ClusterId cluster = ClusterId.random();

    @BeforeEach
    void createBackend() {
        backend = backend(NamespaceMode.SHARED, NAMESPACE, EndpointMode.SERVICE_DNS);
    }

    @AfterEach
    void closeBackendAndDeleteEverything() {
        // delete while the watches are still open, so that no event is left for a closed watch
        deleteEach(client.pods().inAnyNamespace().list().getItems());
        deleteEach(client.services().inAnyNamespace().list().getItems());
        deleteEach(client.configMaps().inAnyNamespace().list().getItems());
        deleteEach(client.network().v1().networkPolicies().inAnyNamespace().list().getItems());
        deleteEach(client.namespaces().list().getItems());
        backends.forEach(KubernetesClusterBackend::close);
        watchingClients.forEach(KubernetesClient::close);
    }

    private static void deleteEach(List<? extends HasMetadata> objects) {
        objects.forEach(object -> client.resource(object).delete());
    }

    private KubernetesClient watchingClient() {
        KubernetesClient watching = server.createClient(new NoRetries());
        watchingClients.add(watching);
        return watching;
    }

    /** A backend on its own client, closed after the test's objects are deleted (the mock server stalls when a
     * watch closes while events for it are still due). */
    private KubernetesClusterBackend backend(NamespaceMode mode, String namespace, EndpointMode endpoints) {
        KubernetesClusterBackend created = new KubernetesClusterBackend(watchingClient(), new KubernetesSettings(mode,
                namespace, Instances.SERVER, endpoints, Duration.ofMinutes(1), Optional.empty(), "cluster.local"),
                Clock.systemUTC());
        backends.add(created);
        return created;
    }

    private List<Pod> pods() {
        return client.pods().inAnyNamespace().withLabel(Labels.SERVER, Instances.SERVER).list().getItems();
    }

    private List<? extends HasMetadata> servicesOf(ClusterId id) {
        return client.services().inAnyNamespace().withLabel(Labels.CLUSTER, id.toString()).list().getItems();
    }

    private List<? extends HasMetadata> rootsOf(ClusterId id) {
        return client.configMaps().inAnyNamespace().withLabel(Labels.CLUSTER, id.toString()).list().getItems();
    }

    private void setStatus(DesiredInstance desired, PodStatus status) {
        client.pods().inNamespace(NAMESPACE).withName(Names.instance(Instances.SERVER, desired.ref()))
                .editStatus(pod -> new PodBuilder(pod).withStatus(status).build());
    }

    private Optional<ObservedInstance> observed(InstanceRef ref) {
        return backend.observe().stream().filter(instance -> instance.ref().equals(ref)).findFirst();
    }

    private ObservedInstance awaitPhase(InstanceRef ref, Phase phase) {
        Eventually.until(ref + " is " + phase,
                () -> observed(ref).map(instance -> instance.phase() == phase).orElse(false));
        return observed(ref).orElseThrow();
    }

    @Test
    void applyTwiceCreatesOnePodOwnedByOneRoot() {
        DesiredInstance notebook = Instances.notebook(cluster);
        backend.apply(notebook);
        backend.apply(notebook);

        assertEquals(1, pods().size());
        assertEquals(1, rootsOf(cluster).size());
        assertEquals(2, servicesOf(cluster).size(), "the notebook's Service and the cluster's subdomain");
        String rootUid = rootsOf(cluster).get(0).getMetadata().getUid();
        assertNotNull(rootUid);
        assertEquals(rootUid, pods().get(0).getMetadata().getOwnerReferences().get(0).getUid());
        servicesOf(cluster).forEach(service ->
                assertEquals(rootUid, service.getMetadata().getOwnerReferences().get(0).getUid()));
    }

    @Test
    void eachClusterGetsOneNetworkPolicyOwnedByItsRoot_removedWithTheCluster() {
        ClusterId other = ClusterId.random();
        backend.apply(Instances.notebook(cluster));
        backend.apply(Instances.sparkMaster(cluster));
        backend.apply(Instances.sparkMaster(other));

        List<NetworkPolicy> policies = policiesOf(cluster);
        assertEquals(1, policies.size());
        NetworkPolicy policy = policies.get(0);
        assertEquals(rootsOf(cluster).get(0).getMetadata().getUid(),
                policy.getMetadata().getOwnerReferences().get(0).getUid());
        assertEquals(List.of("Ingress"), policy.getSpec().getPolicyTypes());
        Pod master = pods().stream().filter(pod -> Labels.refOf(pod.getMetadata().getLabels())
                .equals(Optional.of(Instances.sparkMaster(cluster).ref()))).findFirst().orElseThrow();
        Pod otherMaster = pods().stream().filter(pod -> Labels.refOf(pod.getMetadata().getLabels())
                .equals(Optional.of(Instances.sparkMaster(other).ref()))).findFirst().orElseThrow();
        assertTrue(NetworkPolicyRules.selects(policy, master), "the policy covers the cluster's Spark master");
        assertTrue(NetworkPolicyRules.admits(policy, NAMESPACE, Map.of(), master.getMetadata().getLabels()));
        assertFalse(NetworkPolicyRules.admits(policy, NAMESPACE, Map.of(), otherMaster.getMetadata().getLabels()),
                "another cluster's pods are not let in");
        assertFalse(NetworkPolicyRules.selects(policy, otherMaster));

        backend.removeCluster(cluster);

        assertTrue(policiesOf(cluster).isEmpty());
        assertEquals(1, policiesOf(other).size());
    }

    private List<NetworkPolicy> policiesOf(ClusterId id) {
        return client.network().v1().networkPolicies().inAnyNamespace().withLabel(Labels.CLUSTER, id.toString())
                .list().getItems();
    }

    @Test
    void applyWithAnotherSpecReplacesThePod() {
        DesiredInstance notebook = Instances.notebook(cluster);
        backend.apply(notebook);
        DesiredInstance changed = Instances.withImage(notebook, "aapf/jupyter-notebook:7.0");
        backend.apply(changed);

        assertEquals(1, pods().size());
        Pod pod = pods().get(0);
        assertEquals("aapf/jupyter-notebook:7.0", pod.getSpec().getContainers().get(0).getImage());
        assertEquals(changed.specHash(), pod.getMetadata().getAnnotations().get(Labels.SPEC_HASH));
    }

    @Test
    void removeTwiceSucceedsAndKeepsTheOtherInstances() {
        DesiredInstance notebook = Instances.notebook(cluster);
        DesiredInstance master = Instances.sparkMaster(cluster);
        backend.apply(notebook);
        backend.apply(master);

        backend.remove(notebook.ref());
        backend.remove(notebook.ref());

        assertEquals(List.of(Names.instance(Instances.SERVER, master.ref())),
                pods().stream().map(pod -> pod.getMetadata().getName()).toList());
        assertTrue(servicesOf(cluster).stream().noneMatch(service ->
                service.getMetadata().getName().equals(Names.instance(Instances.SERVER, notebook.ref()))));
    }

    @Test
    void removeClusterDeletesEverythingOfThatClusterOnly() {
        ClusterId other = ClusterId.random();
        backend.apply(Instances.notebook(cluster));
        backend.apply(Instances.sparkMaster(cluster));
        backend.apply(Instances.gpuWorker(cluster, 1));
        backend.apply(Instances.notebook(other));

        backend.removeCluster(cluster);
        backend.removeCluster(cluster);

        assertTrue(rootsOf(cluster).isEmpty());
        assertTrue(servicesOf(cluster).isEmpty());
        assertEquals(Set.of(other.toString()),
                Set.copyOf(pods().stream().map(pod -> pod.getMetadata().getLabels().get(Labels.CLUSTER)).toList()));
        assertEquals(1, rootsOf(other).size());
    }

    @Test
    void observeListsOnlyThisServersInstances() {
        client.pods().inNamespace(NAMESPACE).resource(new PodBuilder().withNewMetadata().withName("foreign")
                .endMetadata().withNewSpec().addNewContainer().withName("c").withImage("busybox").endContainer()
                .endSpec().build()).create();
        Pod otherServers = new PodBuilder(PodManifests.pod("other-server", NAMESPACE, "cluster.local",
                Instances.notebook(cluster), ClusterManifests.ownedBy(PodManifestsTest.rootWithUid(cluster))))
                .build();
        client.pods().inNamespace(NAMESPACE).resource(otherServers).create();
        DesiredInstance notebook = Instances.notebook(cluster);
        backend.apply(notebook);

        Eventually.until("our notebook is observed", () -> observed(notebook.ref()).isPresent());
        List<ObservedInstance> observed = backend.observe();
        assertEquals(1, observed.size());
        assertEquals(notebook.specHash(), observed.get(0).specHash());
        assertEquals(Phase.PENDING, observed.get(0).phase());
    }

    @Test
    void podStatusChangesMapToPhasesAndAlertsAndWakeTheWatcher() {
        DesiredInstance notebook = Instances.notebook(cluster);
        Set<InstanceRef> changed = ConcurrentHashMap.newKeySet();
        ClusterBackend.Watch watch = backend.watch(changed::add);
        backend.apply(notebook);
        Eventually.until("the watcher hears of the new pod", () -> changed.contains(notebook.ref()));

        changed.clear();
        setStatus(notebook, PodStatuses.waiting("ImagePullBackOff"));
        ObservedInstance pulling = awaitPhase(notebook.ref(), Phase.FAILED);
        assertAlert(pulling, "ImageMissing");
        assertTrue(pulling.restartsItself(), "the kubelet retries the pull");
        Eventually.until("the watcher hears of the status change", () -> changed.contains(notebook.ref()));

        setStatus(notebook, PodStatuses.runningReady());
        assertTrue(awaitPhase(notebook.ref(), Phase.READY).alerts().isEmpty());

        setStatus(notebook, PodStatuses.waiting("CrashLoopBackOff"));
        ObservedInstance crashing = awaitPhase(notebook.ref(), Phase.FAILED);
        assertAlert(crashing, "CrashLoop");
        assertTrue(crashing.restartsItself(), "the kubelet restarts the container");

        setStatus(notebook, PodStatuses.oomKilled());
        Eventually.until("OOMKilled is reported", () -> observed(notebook.ref()).orElseThrow().alerts()
                .stream().anyMatch(alert -> alert.reason().equals("OOMKilled")));
        // The informer delivers one event at a time, in order: once a pod created after every change above has
        // reached the watcher, none of those changes is still on its way to it (to arrive after close).
        DesiredInstance marker = Instances.gpuWorker(cluster, 1);
        backend.apply(marker);
        Eventually.until("the watcher hears of a later pod", () -> changed.contains(marker.ref()));

        watch.close();
        changed.clear();
        setStatus(notebook, PodStatuses.runningReady());
        awaitPhase(notebook.ref(), Phase.READY);
        assertTrue(changed.isEmpty(), "a closed watch delivers nothing");
    }

    @Test
    void insufficientGpuIsReportedAsUnschedulable() {
        DesiredInstance worker = Instances.gpuWorker(cluster, 1);
        backend.apply(worker);
        Eventually.until("the worker is observed", () -> observed(worker.ref()).isPresent());
        setStatus(worker, PodStatuses.unschedulable());

        ObservedInstance pending = awaitPhase(worker.ref(), Phase.FAILED);
        Alert alert = assertAlert(pending, "Unschedulable");
        assertTrue(alert.message().contains("3 Insufficient nvidia.com/gpu"), alert.message());
        assertTrue(pending.restartsItself(), "the scheduler keeps trying");
    }

    @Test
    void aPodThatEndedForGood_isLeftToTheReconcilerToReplace() {
        DesiredInstance notebook = Instances.notebook(cluster);
        backend.apply(notebook);
        Eventually.until("the notebook is observed", () -> observed(notebook.ref()).isPresent());
        setStatus(notebook, PodStatuses.exited());

        ObservedInstance exited = awaitPhase(notebook.ref(), Phase.FAILED);
        assertAlert(exited, "Exited");
        assertFalse(exited.restartsItself(), "nothing restarts a pod in phase Failed");
    }

    @Test
    void endpointIsTheServiceDnsNameOnceRunning() {
        DesiredInstance notebook = Instances.notebook(cluster);
        backend.apply(notebook);
        Eventually.until("the notebook is observed", () -> observed(notebook.ref()).isPresent());
        assertEquals(Optional.empty(), backend.endpoint(notebook.ref()), "pending: no endpoint yet");

        setStatus(notebook, PodStatuses.runningReady());
        awaitPhase(notebook.ref(), Phase.READY);
        String name = Names.instance(Instances.SERVER, notebook.ref());
        assertEquals(Optional.of(new Endpoint(name + ".aapf.svc", 8888)), backend.endpoint(notebook.ref()));
    }

    @Test
    void appliedInstancesBecomeReadyOnceTheKubeletReportsThem() {
        FakeKubelet.start(watchingClient(), Instances.SERVER);
        DesiredInstance master = Instances.sparkMaster(cluster);
        backend.apply(master);

        assertTrue(awaitPhase(master.ref(), Phase.READY).alerts().isEmpty());
        String name = Names.instance(Instances.SERVER, master.ref());
        assertEquals(Optional.of(new Endpoint(name + ".aapf.svc", 8080)), backend.endpoint(master.ref()));
    }

    @Test
    void observeSeesOwnWritesAtOnce() {
        DesiredInstance notebook = Instances.notebook(cluster);
        backend.observe();
        backend.apply(notebook);
        assertEquals(notebook.specHash(), observed(notebook.ref()).orElseThrow().specHash());

        DesiredInstance changed = Instances.withImage(notebook, "aapf/jupyter-notebook:7.0");
        backend.apply(changed);
        assertEquals(changed.specHash(), observed(notebook.ref()).orElseThrow().specHash());

        backend.remove(notebook.ref());
        assertTrue(observed(notebook.ref()).isEmpty());
    }

    @Test
    void endpointIsThePodIpInPodIpMode() {
        KubernetesClusterBackend podIp = backend(NamespaceMode.SHARED, NAMESPACE, EndpointMode.POD_IP);
        DesiredInstance notebook = Instances.notebook(cluster);
        podIp.apply(notebook);
        setStatus(notebook, PodStatuses.runningReady());
        Eventually.until("the endpoint is known", () -> podIp.endpoint(notebook.ref()).isPresent());
        assertEquals(Optional.of(new Endpoint("10.1.2.3", 8888)), podIp.endpoint(notebook.ref()));
    }

    @Test
    void perUserModeCreatesARestrictedNamespaceAndRemovesAcrossNamespaces() {
        KubernetesClusterBackend perUser = backend(NamespaceMode.PER_USER, "aapf-u-", EndpointMode.POD_IP);
        DesiredInstance notebook = Instances.notebook(cluster);
        perUser.apply(notebook);
        perUser.apply(notebook);

        String namespace = "aapf-u-" + Instances.OWNER;
        assertEquals("restricted", client.namespaces().withName(namespace).get().getMetadata().getLabels()
                .get("pod-security.kubernetes.io/enforce"));
        assertEquals(List.of(namespace), pods().stream().map(pod -> pod.getMetadata().getNamespace()).toList());
        Eventually.until("the notebook is observed", () -> perUser.observe().size() == 1);

        perUser.removeCluster(cluster);
        assertTrue(pods().isEmpty());
        assertTrue(rootsOf(cluster).isEmpty());
    }

    private static Alert assertAlert(ObservedInstance observed, String reason) {
        assertEquals(List.of(reason), observed.alerts().stream().map(Alert::reason).toList(), observed::toString);
        return observed.alerts().get(0);
    }
}

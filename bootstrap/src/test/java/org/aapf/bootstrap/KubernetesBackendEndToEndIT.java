package org.aapf.bootstrap;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.fabric8.kubernetes.api.model.ConfigMap;
import io.fabric8.kubernetes.api.model.Container;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.OwnerReference;
import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.Quantity;
import io.fabric8.kubernetes.api.model.SecurityContext;
import io.fabric8.kubernetes.client.utils.Serialization;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Predicate;
import org.aapf.application.port.out.Endpoint;
import org.aapf.application.port.out.InstanceRef;
import org.aapf.bootstrap.support.Api;
import org.aapf.bootstrap.support.Api.Reply;
import org.aapf.bootstrap.support.Exhibit;
import org.aapf.bootstrap.support.MockKubernetes;
import org.aapf.bootstrap.support.TestServer;
import org.aapf.domain.cluster.ClusterId;
import org.aapf.domain.cluster.ServiceKind;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The whole server on the Kubernetes backend, chosen by configuration, against fabric8's mock API server (CRUD
 * mode) through a kubeconfig file; the test plays the kubelet by writing pod statuses.
 */
class KubernetesBackendEndToEndIT {

    private static final String CREATE = """
            { "jupyterNotebook": { "image": { "repositoryName": "aa_jupyter_notebook" }, "perfType": "small" } }""";
    private static final String CREATE_GPU = """
            { "jupyterNotebook": { "image": { "repositoryName": "aa_jupyter_notebook" }, "perfType": "gpu-small" } }""";
    private static final String NAMESPACE = "aapf-e2e";
    private static final String CONFIG = """
            backend:
              kubernetes:
                namespace: %s
                endpointMode: pod-ip
            """.formatted(NAMESPACE);
    private static final String SERVER_LABEL = "aapf.org/server";
    private static final String CLUSTER_LABEL = "aapf.org/cluster";

    private final String serverId = "e2e-" + UUID.randomUUID().toString().substring(0, 8);
    private MockKubernetes kubernetes;
    private TestServer server;
    private String token;

    @BeforeEach
    void start() {
        kubernetes = MockKubernetes.start();
        server = TestServer.startWithConfiguredBackend(Map.of("AAPF_SERVER_ID", serverId, "AAPF_BACKEND", "kubernetes",
                "AAPF_KUBECONFIG", kubernetes.kubeconfig().toString()), CONFIG);
        server.addUser("user1", "user1pass");
        token = server.api().login("user1", "user1pass").text("accessToken");
    }

    @AfterEach
    void stop() {
        try {
            if (server != null) {
                server.close();
            }
        } finally {
            kubernetes.close();
        }
    }

    @Test
    void notebookCluster_runsAsAHardenedPod_becomesCreated_andIsDeletedWithEverythingItOwned() throws Exception {
        assertEquals("kubernetes", server.backend().name());
        assertEquals(202, server.api().post("/api/v1/aaclusters/sample", token, CREATE).status());

        Pod pod = kubernetes.awaitOnePod(SERVER_LABEL, serverId, Duration.ofSeconds(30));
        assertEquals(NAMESPACE, pod.getMetadata().getNamespace());
        assertHardenedNotebookWithSmallResources(pod);
        ConfigMap root = rootOf(pod);
        assertOwnedBy(root, pod.getMetadata().getOwnerReferences());
        showManifests(root, pod);
        kubernetes.markRunningAndReady(pod);

        Reply cluster = awaitCluster("sample", reply -> "created".equals(status(reply)), Duration.ofSeconds(30));
        JsonNode instance = cluster.body().path("aacluster").path("services").get(0).path("instances").get(0);
        assertEquals("ready", instance.path("status").asText());
        assertEquals("healthy", instance.path("health").asText());
        InstanceRef ref = new InstanceRef(ClusterId.parse(pod.getMetadata().getLabels().get(CLUSTER_LABEL)),
                ServiceKind.JUPYTER_NOTEBOOK, 1);
        assertEquals(Optional.of(new Endpoint("127.0.0.1", 8888)), server.backend().endpoint(ref),
                "endpointMode pod-ip: the pod IP and the notebook's port");
        assertFalse(kubernetes.client().services().inNamespace(NAMESPACE).withLabel(SERVER_LABEL, serverId).list()
                .getItems().isEmpty(), "the notebook's Service and the cluster's subdomain exist");

        assertEquals(202, server.api().delete("/api/v1/aaclusters/sample", token).status());
        awaitCluster("sample", reply -> reply.status() == 404, Duration.ofSeconds(30));
        assertEquals(List.of(), kubernetes.pods(SERVER_LABEL, serverId));
        assertEquals(List.of(), kubernetes.client().services().inAnyNamespace().withLabel(SERVER_LABEL, serverId)
                .list().getItems());
        assertEquals(List.of(), kubernetes.client().configMaps().inAnyNamespace().withLabel(SERVER_LABEL, serverId)
                .list().getItems());
    }

    @Test
    void imagePullBackOff_showsTheInstanceFailedWithAnImageAlert() throws Exception {
        assertEquals(202, server.api().post("/api/v1/aaclusters/broken", token, CREATE).status());
        Pod pod = kubernetes.awaitOnePod(SERVER_LABEL, serverId, Duration.ofSeconds(30));

        kubernetes.markImagePullBackOff(pod);

        Reply cluster = awaitCluster("broken", reply -> "failed".equals(firstInstance(reply).path("status").asText()),
                Duration.ofSeconds(30));
        JsonNode alert = cluster.body().path("aacluster").path("services").get(0).path("alerts").get(0);
        assertEquals("error", alert.path("level").asText(), cluster.raw().body());
        assertEquals("ImageMissing", alert.path("reason").asText(), cluster.raw().body());
        assertTrue(alert.path("message").asText().contains("aapf/jupyter-notebook:6.4"), alert.toString());
        assertTrue(alert.path("message").asText().contains("ImagePullBackOff"), alert.toString());
        assertEquals(1, kubernetes.pods(SERVER_LABEL, serverId).size(), "a failed pod is reported, not recreated");
    }

    @Test
    void insufficientGpu_showsTheInstanceFailedWithAnUnschedulableAlertTheUserCanActOn() throws Exception {
        assertEquals(202, server.api().post("/api/v1/aaclusters/gpu", token, CREATE_GPU).status());
        Pod pod = kubernetes.awaitOnePod(SERVER_LABEL, serverId, Duration.ofSeconds(30));
        assertEquals(new Quantity("1"), pod.getSpec().getContainers().get(0).getResources().getLimits()
                .get("nvidia.com/gpu"), "the performance type's GPU is a limit");

        kubernetes.markUnschedulable(pod, "0/3 nodes are available: 3 Insufficient nvidia.com/gpu.");

        Reply cluster = awaitCluster("gpu", reply -> "failed".equals(firstInstance(reply).path("status").asText()),
                Duration.ofSeconds(30));
        Exhibit.writeJson("alert-insufficient-gpu.json", cluster.raw().body());
        JsonNode alert = onlyAlert(cluster);
        assertEquals("error", alert.path("level").asText());
        assertEquals("Unschedulable", alert.path("reason").asText());
        assertEquals("No node has a free GPU for this service right now (the scheduler reports: 0/3 nodes are"
                + " available: 3 Insufficient nvidia.com/gpu.). It starts once a GPU is free; a performance type"
                + " without a GPU can start now.", alert.path("message").asText());
    }

    @Test
    void oomKilled_showsTheInstanceFailedWithAnAlertNamingTheMemoryLimit() throws Exception {
        assertEquals(202, server.api().post("/api/v1/aaclusters/hungry", token, CREATE).status());
        Pod pod = kubernetes.awaitOnePod(SERVER_LABEL, serverId, Duration.ofSeconds(30));
        kubernetes.markRunningAndReady(pod);
        awaitCluster("hungry", reply -> "created".equals(status(reply)), Duration.ofSeconds(30));

        kubernetes.markOomKilled(pod);

        Reply cluster = awaitCluster("hungry",
                reply -> "failed".equals(firstInstance(reply).path("status").asText()), Duration.ofSeconds(30));
        Exhibit.writeJson("alert-oom-killed.json", cluster.raw().body());
        JsonNode alert = onlyAlert(cluster);
        assertEquals("error", alert.path("level").asText());
        assertEquals("OOMKilled", alert.path("reason").asText());
        assertEquals("The service ran out of memory (limit 1024Mi) and was killed; choose a performance type with"
                + " more memory.", alert.path("message").asText());
    }

    /**
     * Writes the objects of one notebook instance as AAPF created them (the root ConfigMap, the cluster's headless
     * Service, the notebook's Service and its Pod) to {@code target/show/}, without what the API server adds (uid,
     * resource version, creation time), and checks the file says exactly that.
     */
    private void showManifests(ConfigMap root, Pod pod) {
        String cluster = pod.getMetadata().getLabels().get(CLUSTER_LABEL);
        List<HasMetadata> objects = new ArrayList<>();
        objects.add(root);
        objects.addAll(kubernetes.client().services().inNamespace(NAMESPACE).withLabel(CLUSTER_LABEL, cluster).list()
                .getItems().stream().sorted(Comparator.comparing(service -> service.getMetadata().getName()))
                .toList());
        objects.add(pod);
        assertEquals(4, objects.size(), "root, subdomain Service, notebook Service, Pod");
        StringBuilder yaml = new StringBuilder("# One notebook instance as AAPF creates it on Kubernetes (read back from"
                + " the API server; uid, resourceVersion and creationTimestamp removed)\n");
        for (HasMetadata object : objects) {
            HasMetadata built = withoutServerFields(object);
            String document = Serialization.asYaml(built);
            assertEquals(built, Serialization.unmarshal(document, built.getClass()));
            yaml.append(document);
        }
        Exhibit.write("notebook-instance-manifests.yaml", yaml.toString());
    }

    private static HasMetadata withoutServerFields(HasMetadata stored) {
        HasMetadata copy = Serialization.unmarshal(Serialization.asJson(stored), stored.getClass());
        copy.getMetadata().setUid(null);
        copy.getMetadata().setResourceVersion(null);
        copy.getMetadata().setCreationTimestamp(null);
        copy.getMetadata().setGeneration(null);
        copy.getMetadata().setManagedFields(new ArrayList<>());
        return copy;
    }

    private static JsonNode onlyAlert(Reply cluster) {
        JsonNode alerts = cluster.body().path("aacluster").path("services").get(0).path("alerts");
        assertEquals(1, alerts.size(), cluster.raw().body());
        return alerts.get(0);
    }

    private static void assertHardenedNotebookWithSmallResources(Pod pod) {
        Map<String, String> labels = pod.getMetadata().getLabels();
        assertEquals("aapf", labels.get("app.kubernetes.io/managed-by"));
        assertEquals("jupyter-notebook", labels.get("aapf.org/service"));
        assertEquals("1", labels.get("aapf.org/index"));
        assertTrue(labels.containsKey("aapf.org/owner"), labels::toString);
        assertTrue(labels.containsKey(CLUSTER_LABEL), labels::toString);

        assertEquals(Boolean.TRUE, pod.getSpec().getSecurityContext().getRunAsNonRoot());
        assertEquals("RuntimeDefault", pod.getSpec().getSecurityContext().getSeccompProfile().getType());
        assertEquals(Boolean.FALSE, pod.getSpec().getAutomountServiceAccountToken());
        Container container = pod.getSpec().getContainers().get(0);
        assertEquals("aapf/jupyter-notebook:6.4", container.getImage());
        SecurityContext security = container.getSecurityContext();
        assertEquals(Boolean.FALSE, security.getAllowPrivilegeEscalation());
        assertEquals(List.of("ALL"), security.getCapabilities().getDrop());
        assertEquals(Boolean.TRUE, security.getRunAsNonRoot());

        Map<String, Quantity> small = Map.of("cpu", new Quantity("500m"), "memory", new Quantity("1024Mi"));
        assertEquals(small, container.getResources().getLimits());
        assertEquals(small, container.getResources().getRequests());
    }

    private ConfigMap rootOf(Pod pod) {
        String cluster = pod.getMetadata().getLabels().get(CLUSTER_LABEL);
        List<ConfigMap> roots = kubernetes.client().configMaps().inNamespace(NAMESPACE).withLabel(CLUSTER_LABEL,
                cluster).list().getItems();
        assertEquals(1, roots.size(), "one root object per cluster");
        return roots.get(0);
    }

    private static void assertOwnedBy(ConfigMap root, List<OwnerReference> owners) {
        assertEquals(1, owners.size());
        OwnerReference owner = owners.get(0);
        assertEquals("ConfigMap", owner.getKind());
        assertEquals(root.getMetadata().getName(), owner.getName());
        assertEquals(root.getMetadata().getUid(), owner.getUid());
    }

    private static String status(Reply reply) {
        return reply.body().path("aacluster").path("status").asText();
    }

    private static JsonNode firstInstance(Reply reply) {
        return reply.body().path("aacluster").path("services").path(0).path("instances").path(0);
    }

    private Reply awaitCluster(String name, Predicate<Reply> condition, Duration timeout) throws InterruptedException {
        Api api = server.api();
        long deadline = System.nanoTime() + timeout.toNanos();
        Reply reply;
        do {
            reply = api.get("/api/v1/aaclusters/" + name, token);
            if (condition.test(reply)) {
                return reply;
            }
            Thread.sleep(200);
        } while (System.nanoTime() < deadline);
        throw new AssertionError("cluster " + name + " did not reach the expected state: " + reply.raw().body());
    }
}

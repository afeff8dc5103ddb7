package org.aapf.bootstrap;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.fabric8.kubernetes.api.model.Pod;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.BooleanSupplier;
import org.aapf.application.port.out.WarmInstance;
import org.aapf.bootstrap.support.Api.Reply;
import org.aapf.bootstrap.support.MockKubernetes;
import org.aapf.bootstrap.support.TestServer;
import org.aapf.domain.user.Username;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Warm pools on the Kubernetes backend against fabric8's mock API server (the test plays the kubelet): the pool's pod
 * starts under the pool's owner, a create takes it and is {@code created} on its first GET, the reconciler relabels
 * the pod to its owner in place (labels can change on Kubernetes) without replacing it, and the pool refills.
 */
class KubernetesWarmPoolIT {

    private static final String CREATE = """
            { "jupyterNotebook": { "image": { "repositoryName": "aa_jupyter_notebook" }, "perfType": "small" } }""";
    private static final Duration WAIT = Duration.ofSeconds(60);

    private final String serverId = "warm-" + UUID.randomUUID().toString().substring(0, 8);
    private MockKubernetes kubernetes;
    private TestServer server;
    private Path catalogue;

    @BeforeEach
    void start() throws Exception {
        catalogue = Files.createTempFile("aapf-catalogue", ".yaml");
        try (InputStream shipped = getClass().getResourceAsStream("/aapf-catalogue.yaml")) {
            Files.writeString(catalogue, new String(shipped.readAllBytes(), StandardCharsets.UTF_8).replace(
                    "\npools: []", "\npools: [{image: aa_jupyter_notebook, perfType: small, size: 1}]"));
        }
        kubernetes = MockKubernetes.start();
        server = TestServer.startWithConfiguredBackend(Map.of("AAPF_SERVER_ID", serverId, "AAPF_BACKEND", "kubernetes",
                "AAPF_KUBECONFIG", kubernetes.kubeconfig().toString()), """
                catalogue: %s
                backend:
                  kubernetes:
                    namespace: aapf-warm
                    endpointMode: pod-ip
                clusters:
                  resyncInterval: PT1S
                """.formatted(catalogue));
        server.addUser("user1", "user1pass");
    }

    @AfterEach
    void stop() throws Exception {
        try {
            if (server != null) {
                server.close();
            }
        } finally {
            kubernetes.close();
            Files.deleteIfExists(catalogue);
        }
    }

    @Test
    void createTakesTheWarmPodWhichIsRelabelledInPlaceAndThePoolRefills() {
        Pod warmPod = kubernetes.awaitOnePod("aapf.org/server", serverId, WAIT);
        assertEquals(WarmInstance.POOL_OWNER.toString(), warmPod.getMetadata().getLabels().get("aapf.org/owner"));
        kubernetes.markRunningAndReady(warmPod);
        await("the warm instance to be ready", () -> server.server().component().warmInstances().listAll().stream()
                .anyMatch(instance -> instance.state() == WarmInstance.State.READY));
        String token = server.api().login("user1", "user1pass").text("accessToken");

        assertEquals(202, server.api().post("/api/v1/aaclusters/fast", token, CREATE).status());
        Reply first = server.api().get("/api/v1/aaclusters/fast", token);

        assertEquals("created", first.body().at("/aacluster/status").asText(), first.raw().body());
        String cluster = warmPod.getMetadata().getLabels().get("aapf.org/cluster");
        String owner = server.server().component().userRepository().findByUsername(new Username("user1"))
                .orElseThrow().id().toString();
        await("the pod to be relabelled to its owner", () -> kubernetes.pods("aapf.org/cluster", cluster).stream()
                .anyMatch(pod -> owner.equals(pod.getMetadata().getLabels().get("aapf.org/owner"))));
        List<Pod> taken = kubernetes.pods("aapf.org/cluster", cluster);
        assertEquals(1, taken.size());
        assertEquals(warmPod.getMetadata().getUid(), taken.getFirst().getMetadata().getUid(), "not replaced");
        await("a refill pod", () -> kubernetes.pods("aapf.org/server", serverId).size() == 2);
        Pod refill = kubernetes.pods("aapf.org/server", serverId).stream()
                .filter(pod -> !cluster.equals(pod.getMetadata().getLabels().get("aapf.org/cluster")))
                .findFirst().orElseThrow();
        assertNotEquals(cluster, refill.getMetadata().getLabels().get("aapf.org/cluster"));
        assertEquals("created", server.api().get("/api/v1/aaclusters/fast", token).body()
                .at("/aacluster/status").asText());
    }

    @Test
    void startOfAStoppedClusterIsCold_atItsOwnAddress_leavingTheReadyWarmPodInThePool() {
        Pod warmPod = kubernetes.awaitOnePod("aapf.org/server", serverId, WAIT);
        kubernetes.markRunningAndReady(warmPod);
        await("the warm instance to be ready", () -> readyWarmInstances() == 1);
        String token = server.api().login("user1", "user1pass").text("accessToken");
        assertEquals(202, server.api().post("/api/v1/aaclusters/fast", token, CREATE).status());
        String urlPath = server.api().get("/api/v1/aaclusters/fast", token).body()
                .at("/aacluster/services/0/instances/0/urlPath").asText();
        String cluster = warmPod.getMetadata().getLabels().get("aapf.org/cluster");
        await("a refill pod", () -> kubernetes.pods("aapf.org/server", serverId).size() == 2);
        kubernetes.pods("aapf.org/server", serverId).stream()
                .filter(pod -> !cluster.equals(pod.getMetadata().getLabels().get("aapf.org/cluster")))
                .forEach(kubernetes::markRunningAndReady);
        await("the refill to be ready", () -> readyWarmInstances() == 1);
        assertEquals(202, server.api().post("/api/v1/aaclusters/fast/stop", token, "").status());
        await("the cluster to stop", () -> "stopped".equals(server.api().get("/api/v1/aaclusters/fast", token)
                .body().at("/aacluster/status").asText()));

        assertEquals(202, server.api().post("/api/v1/aaclusters/fast/start", token, "").status());
        Reply first = server.api().get("/api/v1/aaclusters/fast", token);

        assertEquals("creating", first.body().at("/aacluster/status").asText(), "Kubernetes cannot copy a workspace"
                + " into a running pod, so the start is cold: " + first.raw().body());
        assertEquals(urlPath, first.body().at("/aacluster/services/0/instances/0/urlPath").asText());
        assertEquals(1, readyWarmInstances(), "the warm pod stays in its pool");
        assertFalse(server.server().component().backend().copiesWorkspaces());
    }

    private long readyWarmInstances() {
        return server.server().component().warmInstances().listAll().stream()
                .filter(instance -> instance.state() == WarmInstance.State.READY).count();
    }

    private void await(String what, BooleanSupplier condition) {
        Instant deadline = Instant.now().plus(WAIT);
        while (!condition.getAsBoolean()) {
            assertTrue(Instant.now().isBefore(deadline), "timed out waiting for " + what);
            server.server().component().reconciler().wake();
            try {
                Thread.sleep(200);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new AssertionError(e);
            }
        }
    }
}

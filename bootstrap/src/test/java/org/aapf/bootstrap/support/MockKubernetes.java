package org.aapf.bootstrap.support;

import io.fabric8.kubernetes.api.model.ContainerStatusBuilder;
import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.PodBuilder;
import io.fabric8.kubernetes.api.model.PodStatus;
import io.fabric8.kubernetes.api.model.PodStatusBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.server.mock.KubernetesCrudDispatcher;
import io.fabric8.kubernetes.client.server.mock.KubernetesMockServer;
import io.fabric8.mockwebserver.Context;
import io.fabric8.mockwebserver.MockWebServer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;

/**
 * fabric8's mock Kubernetes API server in CRUD mode on loopback, with a kubeconfig file pointing at it, and the
 * kubelet's part played by hand: the mock stores pods but runs nothing, so a test sets their status.
 */
public final class MockKubernetes implements AutoCloseable {

    private final KubernetesMockServer server;
    private final KubernetesClient client;
    private final Path dir;
    private final Path kubeconfig;

    private MockKubernetes(KubernetesMockServer server, KubernetesClient client, Path dir, Path kubeconfig) {
        this.server = server;
        this.client = client;
        this.dir = dir;
        this.kubeconfig = kubeconfig;
    }

    /** Starts a server on a free loopback port and writes its kubeconfig into a new temporary directory. */
    public static MockKubernetes start() {
        KubernetesMockServer server = new KubernetesMockServer(new Context(), new MockWebServer(), new HashMap<>(),
                new KubernetesCrudDispatcher(), false);
        server.init(InetAddress.getLoopbackAddress(), 0);
        try {
            Path dir = Files.createTempDirectory("aapf-k8s-");
            Path kubeconfig = Files.writeString(dir.resolve("kubeconfig"), kubeconfig(server.getPort()));
            // HTTP/1.1 and no retries: the JDK client's cleartext HTTP/2 upgrade can stall on the mock
            KubernetesClient client = server.createClient(builder -> builder.editOrNewConfig().withHttp2Disable(true)
                    .withRequestRetryBackoffLimit(0).endConfig());
            return new MockKubernetes(server, client, dir, kubeconfig);
        } catch (IOException e) {
            server.destroy();
            throw new UncheckedIOException(e);
        }
    }

    private static String kubeconfig(int port) {
        return """
                apiVersion: v1
                kind: Config
                clusters:
                  - name: mock
                    cluster:
                      server: http://127.0.0.1:%d
                users:
                  - name: aapf
                    user:
                      token: e2e-test-token
                contexts:
                  - name: mock
                    context:
                      cluster: mock
                      user: aapf
                current-context: mock
                """.formatted(port);
    }

    /** The kubeconfig file pointing at this server. */
    public Path kubeconfig() {
        return kubeconfig;
    }

    /** A client of this server, for the test's own reads and the kubelet's status writes. */
    public KubernetesClient client() {
        return client;
    }

    /** The pods labelled {@code label=value}, in every namespace. */
    public List<Pod> pods(String label, String value) {
        return client.pods().inAnyNamespace().withLabel(label, value).list().getItems();
    }

    /** Waits until exactly one pod is labelled {@code label=value} and returns it. */
    public Pod awaitOnePod(String label, String value, Duration timeout) {
        Instant deadline = Instant.now().plus(timeout);
        List<Pod> pods = pods(label, value);
        while (pods.size() != 1) {
            if (Instant.now().isAfter(deadline)) {
                throw new AssertionError("expected one pod labelled " + label + "=" + value + ", found " + pods);
            }
            pause();
            pods = pods(label, value);
        }
        return pods.get(0);
    }

    /** What the kubelet reports once the container runs and its readiness probe passes; the pod IP is loopback. */
    public void markRunningAndReady(Pod pod) {
        String now = Instant.now().toString();
        setStatus(pod, new PodStatusBuilder().withPhase("Running").withPodIP("127.0.0.1")
                .addNewCondition().withType("PodScheduled").withStatus("True").withLastTransitionTime(now)
                    .endCondition()
                .addNewCondition().withType("Ready").withStatus("True").withLastTransitionTime(now).endCondition()
                .withContainerStatuses(new ContainerStatusBuilder().withName(containerName(pod))
                        .withImage(image(pod)).withReady(true)
                        .withNewState().withNewRunning().withStartedAt(now).endRunning().endState().build())
                .build());
    }

    /** What the kubelet reports when the image cannot be pulled. */
    public void markImagePullBackOff(Pod pod) {
        setStatus(pod, new PodStatusBuilder().withPhase("Pending")
                .withContainerStatuses(new ContainerStatusBuilder().withName(containerName(pod))
                        .withImage(image(pod)).withReady(false)
                        .withNewState().withNewWaiting().withReason("ImagePullBackOff")
                            .withMessage("Back-off pulling image \"" + image(pod) + "\"").endWaiting().endState()
                        .build())
                .build());
    }

    /** What the scheduler reports when no node can take the pod, e.g. for lack of GPUs. */
    public void markUnschedulable(Pod pod, String schedulerMessage) {
        setStatus(pod, new PodStatusBuilder().withPhase("Pending")
                .addNewCondition().withType("PodScheduled").withStatus("False").withReason("Unschedulable")
                    .withMessage(schedulerMessage).withLastTransitionTime(Instant.now().toString()).endCondition()
                .build());
    }

    /** What the kubelet reports when the container was killed for exceeding its memory limit. */
    public void markOomKilled(Pod pod) {
        String now = Instant.now().toString();
        setStatus(pod, new PodStatusBuilder().withPhase("Running").withPodIP("127.0.0.1")
                .addNewCondition().withType("PodScheduled").withStatus("True").withLastTransitionTime(now)
                    .endCondition()
                .addNewCondition().withType("Ready").withStatus("False").withLastTransitionTime(now).endCondition()
                .withContainerStatuses(new ContainerStatusBuilder().withName(containerName(pod))
                        .withImage(image(pod)).withReady(false).withRestartCount(1)
                        .withNewState().withNewTerminated().withReason("OOMKilled").withExitCode(137)
                            .withFinishedAt(now).endTerminated().endState()
                        .build())
                .build());
    }

    private void setStatus(Pod pod, PodStatus status) {
        client.pods().inNamespace(pod.getMetadata().getNamespace()).withName(pod.getMetadata().getName())
                .editStatus(current -> new PodBuilder(current).withStatus(status).build());
    }

    private static String containerName(Pod pod) {
        return pod.getSpec().getContainers().get(0).getName();
    }

    private static String image(Pod pod) {
        return pod.getSpec().getContainers().get(0).getImage();
    }

    private static void pause() {
        try {
            Thread.sleep(100);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError("interrupted", e);
        }
    }

    /** Closes the client, stops the server and deletes the kubeconfig. */
    @Override
    public void close() {
        try {
            client.close();
            server.destroy();
        } finally {
            TestServer.delete(dir);
        }
    }
}

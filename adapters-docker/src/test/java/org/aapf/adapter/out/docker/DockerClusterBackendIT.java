package org.aapf.adapter.out.docker;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import com.github.dockerjava.api.DockerClient;
import com.github.dockerjava.api.async.ResultCallback;
import com.github.dockerjava.api.model.Frame;
import com.github.dockerjava.api.model.StreamType;
import java.nio.charset.StandardCharsets;
import com.github.dockerjava.api.command.InspectContainerResponse;
import com.github.dockerjava.api.exception.NotFoundException;
import com.github.dockerjava.api.model.Capability;
import com.github.dockerjava.api.model.Container;
import com.github.dockerjava.api.model.ExposedPort;
import com.github.dockerjava.api.model.HostConfig;
import com.github.dockerjava.api.model.Network;
import com.github.dockerjava.api.model.Ports;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import com.github.dockerjava.api.model.Info;
import org.aapf.application.port.out.ClusterBackend;
import org.aapf.application.port.out.HostCapacity;
import org.aapf.application.port.out.ClusterBackendContract;
import org.aapf.application.port.out.DesiredInstance;
import org.aapf.application.port.out.Endpoint;
import org.aapf.application.port.out.InstanceRef;
import org.aapf.application.port.out.ObservedInstance;
import org.aapf.application.port.out.ObservedInstance.Phase;
import org.aapf.domain.catalogue.Resources;
import org.aapf.domain.cluster.Alert;
import org.aapf.domain.cluster.ClusterId;
import org.aapf.domain.cluster.Health;
import org.aapf.domain.cluster.ServiceKind;
import org.aapf.domain.error.AapfException;
import org.aapf.domain.error.ErrorReason;
import org.aapf.domain.user.UserId;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The {@link ClusterBackendContract} and Docker-specific behaviour against the real engine, with the tiny
 * {@code aapf/testbox:1} image (busybox httpd stands in for the notebook). Needs {@code scripts/ensure-docker.sh}
 * and {@code images/build-test-images.sh} to have run; fails, never skips, when they have not.
 */
class DockerClusterBackendIT extends ClusterBackendContract {

    private static final String TESTBOX = "aapf/testbox:1";
    private static final String NOTEBOOK = "aapf/jupyter-notebook:6.4";
    private static final int HTTP_PORT = 8080;
    private static final String HEALTH_PATH = "/proxy/p1/api/status";
    private static DockerClient docker;

    private final String serverId = "it-" + UUID.randomUUID().toString().substring(0, 8);
    private final List<DockerClusterBackend> opened = new ArrayList<>();
    private DockerClusterBackend backend;
    private DockerClusterBackend other;

    /** Runs after the contract's own cleanup: removes whatever this test's server ids still own, then closes. */
    @RegisterExtension
    final AfterEachCallback sweep = context -> {
        sweepServer(serverId);
        sweepServer(serverId + "-other");
        opened.forEach(DockerClusterBackend::close);
    };

    @BeforeAll
    static void requireEngineAndTestImage() {
        DockerSettings settings = DockerSettings.fromEnvironment(System.getenv(), "it-probe");
        docker = DockerClients.create(settings);
        try {
            docker.pingCmd().exec();
        } catch (RuntimeException e) {
            fail("No Docker engine answers at " + settings.dockerHost() + " (" + e + "). Run scripts/ensure-docker.sh "
                    + "and images/build-test-images.sh first.");
        }
        requireImage(TESTBOX);
    }

    @AfterAll
    static void closeClient() throws IOException {
        docker.close();
    }

    @Override
    protected ClusterBackend backend() {
        if (backend == null) {
            backend = open(serverId);
        }
        return backend;
    }

    @Override
    protected ClusterBackend otherServersBackend() {
        if (other == null) {
            other = open(serverId + "-other");
        }
        return other;
    }

    @Override
    protected ClusterBackend restartedBackend() {
        return open(serverId);
    }

    @Override
    protected DesiredInstance runnableInstance(InstanceRef ref, UserId owner) {
        return testbox(ref, owner, new Resources(0.5, 64, Optional.empty()), httpdServing(HEALTH_PATH),
                Optional.of(HEALTH_PATH));
    }

    /** Writes through {@code docker exec} as the image's user (1000), as a notebook would. */
    @Override
    protected void writeWorkspaceFile(InstanceRef running, String name, String content) {
        exec(running, "printf %s '" + content + "' > " + WORKSPACE + "/" + name);
    }

    /** Reads through {@code docker exec}; also checks the file still belongs to the image's user. */
    @Override
    protected Optional<String> readWorkspaceFile(InstanceRef running, String name) {
        String path = WORKSPACE + "/" + name;
        String out = exec(running, "test -f " + path + " && stat -c %u " + path + " && cat " + path);
        if (out.isEmpty()) {
            return Optional.empty();
        }
        assertEquals("1000", out.lines().findFirst().orElseThrow(), "owned by the image's user");
        return Optional.of(out.substring(out.indexOf('\n') + 1));
    }

    private String exec(InstanceRef ref, String script) {
        String id = docker.execCreateCmd(containerName(ref)).withCmd("sh", "-c", script).withAttachStdout(true)
                .withAttachStderr(true).exec().getId();
        StringBuilder out = new StringBuilder();
        try {
            docker.execStartCmd(id).exec(new ResultCallback.Adapter<Frame>() {
                @Override
                public void onNext(Frame frame) {
                    if (frame.getStreamType() == StreamType.STDOUT) {
                        out.append(new String(frame.getPayload(), StandardCharsets.UTF_8));
                    }
                }
            }).awaitCompletion();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
        return out.toString();
    }

    @Test
    void copyHelperLeftByACrashGoesWithTheNextColdStartOfItsCluster() {
        ClusterId cluster = newCluster();
        DesiredInstance notebook = withWorkspace(runnableInstance(notebookOf(cluster), UserId.random()));
        backend().apply(notebook);
        awaitInstance(notebook.ref(), instance -> instance.phase() == Phase.READY);
        backend().removeCluster(cluster);
        String helper = new ContainerSpecs(DockerSettings.local(serverId)).workspaceName(cluster)
                .replaceFirst("^aapf-ws-", "aapf-wscopy-");
        docker.createContainerCmd(TESTBOX).withName(helper)
                .withLabels(Map.of(OwnedLabels.SERVER, serverId, OwnedLabels.CLUSTER, cluster.toString())).exec();
        assertTrue(instancesOf(cluster).isEmpty(), "a helper is no instance");

        try {
            backend().apply(notebook);

            assertThrows(NotFoundException.class, () -> docker.inspectContainerCmd(helper).exec());
        } finally {
            backend().removeCluster(cluster);
            backend().removeWorkspace(cluster);
        }
    }

    @Test
    void createsContainerWithLimitsHardeningAndALoopbackPort() throws Exception {
        DesiredInstance desired = testbox(notebookOf(newCluster()), UserId.random(),
                new Resources(0.5, 96, Optional.empty()), httpdServing(HEALTH_PATH), Optional.of(HEALTH_PATH));

        backend().apply(desired);

        InspectContainerResponse container = docker.inspectContainerCmd(containerName(desired.ref())).exec();
        HostConfig host = container.getHostConfig();
        assertEquals(500_000_000L, host.getNanoCPUs());
        assertEquals(96L * 1024 * 1024, host.getMemory());
        assertEquals(List.of(Capability.ALL), List.of(host.getCapDrop()));
        assertEquals(List.of("no-new-privileges"), host.getSecurityOpts());
        assertEquals(DockerSettings.DEFAULT_PIDS_LIMIT, host.getPidsLimit());
        assertTrue(host.getBinds() == null || host.getBinds().length == 0, "no bind mounts, no Docker socket");
        Ports.Binding binding = host.getPortBindings().getBindings().get(ExposedPort.tcp(HTTP_PORT))[0];
        assertEquals("127.0.0.1", binding.getHostIp());
        assertEquals(serverId, container.getConfig().getLabels().get("org.aapf.server"));

        awaitInstance(desired.ref(), i -> i.phase() == Phase.READY);
        Endpoint endpoint = backend().endpoint(desired.ref()).orElseThrow();
        assertEquals("127.0.0.1", endpoint.host());
        assertEquals(200, httpGet(endpoint, HEALTH_PATH));
    }

    @Test
    void watch_firesOnStartAndOnDie_andAKilledInstanceFails() throws Exception {
        BlockingQueue<InstanceRef> hints = new LinkedBlockingQueue<>();
        DesiredInstance desired = runnableInstance(notebookOf(newCluster()), UserId.random());
        try (ClusterBackend.Watch watch = backend().watch(hints::add)) {
            backend().apply(desired);
            assertEquals(desired.ref(), hints.poll(20, TimeUnit.SECONDS), "a hint on start");
            awaitInstance(desired.ref(), i -> i.phase() == Phase.READY);
            hints.clear();

            docker.killContainerCmd(containerName(desired.ref())).exec();

            assertEquals(desired.ref(), hints.poll(20, TimeUnit.SECONDS), "a hint on die");
        }
        ObservedInstance failed = awaitInstance(desired.ref(), i -> i.phase() == Phase.FAILED);
        assertEquals("Exited", failed.alerts().get(0).reason());
        assertTrue(failed.alerts().get(0).message().contains("137"), failed.alerts().get(0).message());
    }

    @Test
    void exitingInstance_isFailedWithItsExitCode() {
        DesiredInstance desired = testbox(notebookOf(newCluster()), UserId.random(),
                new Resources(0.5, 64, Optional.empty()), List.of("sh", "-c", "exit 3"), Optional.empty());

        backend().apply(desired);

        ObservedInstance failed = awaitInstance(desired.ref(), i -> i.phase() == Phase.FAILED);
        Alert alert = failed.alerts().get(0);
        assertEquals("Exited", alert.reason());
        assertEquals("The instance exited with code 3", alert.message());
        assertEquals(Alert.Level.ERROR, alert.level());
    }

    @Test
    void memoryHog_isOomKilledWithAnAlert() {
        DesiredInstance desired = testbox(notebookOf(newCluster()), UserId.random(),
                new Resources(0.5, 16, Optional.empty()), List.of("sh", "-c", "x=aaaaaaaa; while :; do x=$x$x; done"),
                Optional.empty());

        backend().apply(desired);

        ObservedInstance failed = awaitInstance(desired.ref(), i -> i.phase() == Phase.FAILED);
        assertEquals("OOMKilled", failed.alerts().get(0).reason(), failed.alerts()::toString);
    }

    @Test
    void specTheEngineRefuses_isAFailedInstanceWithTheEnginesReason_notARetryLoop() throws Exception {
        InstanceRef ref = notebookOf(newCluster());
        int tooManyCpus = Runtime.getRuntime().availableProcessors() + 64;
        DesiredInstance desired = testbox(ref, UserId.random(), new Resources(tooManyCpus, 64, Optional.empty()),
                httpdServing(HEALTH_PATH), Optional.of(HEALTH_PATH));

        backend().apply(desired);

        ObservedInstance failed = backend().observe().stream().filter(i -> i.ref().equals(ref)).findFirst()
                .orElseThrow();
        assertEquals(Phase.FAILED, failed.phase());
        assertEquals("Refused", failed.alerts().get(0).reason());
        assertTrue(failed.alerts().get(0).message().contains("CPU"), failed.alerts().get(0).message());
        backend().remove(ref);
        assertTrue(backend().observe().stream().noneMatch(i -> i.ref().equals(ref)));
    }

    @Test
    void missingImage_isAFailedInstanceWithAnAlertNamingIt() throws Exception {
        BlockingQueue<InstanceRef> hints = new LinkedBlockingQueue<>();
        InstanceRef ref = notebookOf(newCluster());
        DesiredInstance desired = new DesiredInstance(ref, UserId.random(), "aapf/no-such-image:0", List.of(),
                Map.of(), new Resources(0.5, 64, Optional.empty()), HTTP_PORT, Optional.empty(), Optional.empty());
        try (ClusterBackend.Watch watch = backend().watch(hints::add)) {
            backend().apply(desired);

            assertEquals(ref, hints.poll(10, TimeUnit.SECONDS));
        }
        ObservedInstance failed = backend().observe().stream().filter(i -> i.ref().equals(ref)).findFirst()
                .orElseThrow();
        assertEquals(Phase.FAILED, failed.phase());
        assertEquals("ImageMissing", failed.alerts().get(0).reason());
        assertTrue(failed.alerts().get(0).message().contains("aapf/no-such-image:0"));
        backend().remove(ref);
        assertTrue(backend().observe().stream().noneMatch(i -> i.ref().equals(ref)));
    }

    @Test
    void containersWithoutOurLabel_areNeverTouched() {
        InstanceRef ref = notebookOf(newCluster());
        String name = containerName(ref);
        String foreign = docker.createContainerCmd(TESTBOX).withName(name).withLabels(Map.of("purpose", "foreign"))
                .exec().getId();
        try {
            backend().remove(ref);
            backend().removeCluster(ref.cluster());

            assertTrue(backend().observe().stream().noneMatch(i -> i.ref().equals(ref)));
            assertTrue(backend().endpoint(ref).isEmpty());
            assertNotNull(docker.inspectContainerCmd(foreign).exec().getId(), "the foreign container still exists");
        } finally {
            docker.removeContainerCmd(foreign).withForce(true).exec();
        }
    }

    @Test
    void hosts_isTheEnginesMachineFromDockerInfo_withoutGpusWithoutTheNvidiaRuntime() {
        Info info = docker.infoCmd().exec();

        List<HostCapacity> hosts = open(serverId).hosts().orElseThrow();

        assertEquals(List.of(new HostCapacity("the Docker host", info.getNCPU() * 1000L,
                info.getMemTotal() / (1024 * 1024), info.getRuntimes().containsKey("nvidia") ? Integer.MAX_VALUE : 0)),
                hosts);
        assertTrue(hosts.getFirst().milliCpu() >= 1000 && hosts.getFirst().memoryMiB() > 256, hosts.toString());
    }

    @Test
    void unreachableEngine_hasNoCapacityToTell() {
        DockerSettings nowhere = new DockerSettings(URI.create("unix:///tmp/aapf-no-such-docker.sock"),
                Optional.empty(), serverId, DockerSettings.EndpointMode.LOOPBACK_PUBLISHED, false, 512,
                Duration.ofSeconds(1));
        try (DockerClusterBackend unreachable = new DockerClusterBackend(nowhere)) {
            assertEquals(Optional.empty(), unreachable.hosts());
        }
    }

    @Test
    void unreachableEngine_isUnavailable() {
        DockerSettings nowhere = new DockerSettings(URI.create("unix:///tmp/aapf-no-such-docker.sock"),
                Optional.empty(), serverId, DockerSettings.EndpointMode.LOOPBACK_PUBLISHED, false, 512,
                Duration.ofSeconds(1));
        try (DockerClusterBackend unreachable = new DockerClusterBackend(nowhere)) {
            AapfException e = assertThrows(AapfException.class, unreachable::observe);

            assertEquals(ErrorReason.UNAVAILABLE, e.reason());
            assertEquals("The Docker engine cannot be reached", e.getMessage());
        }
    }

    @Test
    void clusterInstances_shareANetworkAndReachEachOtherByHostname() {
        ClusterId cluster = newCluster();
        InstanceRef masterRef = new InstanceRef(cluster, ServiceKind.SPARK_MASTER, 1);
        DesiredInstance master = new DesiredInstance(masterRef, UserId.random(), TESTBOX,
                httpdServing("/ping"), Map.of(), new Resources(0.5, 64, Optional.empty()), HTTP_PORT,
                Optional.of("/ping"), Optional.of("spark-master"));
        DesiredInstance client = testbox(notebookOf(cluster), master.owner(), new Resources(0.5, 64, Optional.empty()),
                List.of("sh", "-c", "mkdir -p /tmp/www; until wget -q -O /tmp/www/ok http://spark-master:8080/ping; do sleep 0.2; done; "
                        + "exec httpd -f -p 8080 -h /tmp/www"), Optional.of("/ok"));

        backend().apply(master);
        backend().apply(client);

        awaitInstance(client.ref(), i -> i.phase() == Phase.READY);
        assertEquals(2, instancesOf(cluster).size());
        assertFalse(docker.listNetworksCmd().withNameFilter(new ContainerSpecs(DockerSettings.local(serverId))
                .networkName(cluster)).exec().isEmpty());
    }

    @Test
    void concurrentAppliesOfOneCluster_shareOneNetwork() throws Exception {
        ClusterId cluster = newCluster();
        UserId owner = UserId.random();
        List<DesiredInstance> instances = List.of(
                runnableInstance(notebookOf(cluster), owner),
                runnableInstance(new InstanceRef(cluster, ServiceKind.SPARK_MASTER, 1), owner),
                runnableInstance(new InstanceRef(cluster, ServiceKind.SPARK_WORKER, 1), owner),
                runnableInstance(new InstanceRef(cluster, ServiceKind.SPARK_WORKER, 2), owner));
        ClusterBackend shared = backend();

        try (ExecutorService pool = Executors.newVirtualThreadPerTaskExecutor()) {
            List<Future<?>> applies = new ArrayList<>();
            instances.forEach(i -> applies.add(pool.submit(() -> shared.apply(i))));
            for (Future<?> apply : applies) {
                apply.get();
            }
        }

        instances.forEach(i -> awaitInstance(i.ref(), seen -> seen.phase() == Phase.READY));
        String name = new ContainerSpecs(DockerSettings.local(serverId)).networkName(cluster);
        assertEquals(1, docker.listNetworksCmd().withNameFilter(name).exec().stream()
                .filter(network -> name.equals(network.getName())).count(), "one network, not one per racing apply");
    }

    @Test
    void realNotebookImage_becomesReadyUnderTheHardenedSpec() {
        requireImage(NOTEBOOK);
        InstanceRef ref = notebookOf(newCluster());
        DesiredInstance desired = new DesiredInstance(ref, UserId.random(), NOTEBOOK,
                List.of("jupyter-notebook", "--ip=0.0.0.0", "--port=8888", "--no-browser",
                        "--NotebookApp.base_url=/proxy/nb/", "--NotebookApp.token=it-token"),
                Map.of(), new Resources(1, 1024, Optional.empty()), 8888, Optional.of("/proxy/nb/api"),
                Optional.empty());
        long started = System.nanoTime();

        backend().apply(desired);

        ObservedInstance ready = awaitInstance(ref, i -> i.phase() == Phase.READY);
        System.Logger log = System.getLogger(DockerClusterBackendIT.class.getName());
        log.log(System.Logger.Level.INFO, "notebook apply to READY: " + (System.nanoTime() - started) / 1_000_000
                + " ms");
        assertEquals(Optional.of(Health.HEALTHY), ready.health());
    }

    @Override
    protected Duration readyTimeout() {
        return Duration.ofSeconds(120); // the notebook image takes ~25 s to create on the vfs driver under load
    }

    private static void requireImage(String image) {
        try {
            docker.inspectImageCmd(image).exec();
        } catch (NotFoundException e) {
            fail("The image " + image + " is missing. Run images/build-test-images.sh first.");
        }
    }

    private static DesiredInstance testbox(InstanceRef ref, UserId owner, Resources resources, List<String> command,
            Optional<String> healthPath) {
        return new DesiredInstance(ref, owner, TESTBOX, command, Map.of("AAPF_TEST", "1"), resources, HTTP_PORT,
                healthPath, Optional.empty());
    }

    /** A shell command making busybox httpd answer 200 on {@code path}. */
    private static List<String> httpdServing(String path) {
        String file = "/tmp/www" + path;
        String dir = file.substring(0, file.lastIndexOf('/'));
        return List.of("sh", "-c", "mkdir -p " + dir + " && echo ok > " + file + " && exec httpd -f -p "
                + HTTP_PORT + " -h /tmp/www");
    }

    private String containerName(InstanceRef ref) {
        return new ContainerSpecs(DockerSettings.local(serverId)).containerName(ref);
    }

    private DockerClusterBackend open(String id) {
        DockerClusterBackend opened = new DockerClusterBackend(DockerSettings.fromEnvironment(System.getenv(), id));
        this.opened.add(opened);
        return opened;
    }

    private static int httpGet(Endpoint endpoint, String path) throws IOException, InterruptedException {
        HttpClient http = HttpClient.newBuilder().proxy(HttpClient.Builder.NO_PROXY).build();
        HttpRequest request = HttpRequest.newBuilder(
                URI.create("http://" + endpoint.host() + ":" + endpoint.port() + path)).build();
        return http.send(request, HttpResponse.BodyHandlers.discarding()).statusCode();
    }

    private static void sweepServer(String id) {
        String filter = "org.aapf.server=" + id;
        for (Container container : docker.listContainersCmd().withShowAll(true).withLabelFilter(List.of(filter))
                .exec()) {
            docker.removeContainerCmd(container.getId()).withForce(true).withRemoveVolumes(true).exec();
        }
        for (Network network : docker.listNetworksCmd().withFilter("label", List.of(filter)).exec()) {
            docker.removeNetworkCmd(network.getId()).exec();
        }
    }
}

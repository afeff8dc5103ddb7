package org.aapf.bootstrap;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.fabric8.kubernetes.api.model.Pod;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.BooleanSupplier;
import java.util.function.Predicate;
import java.util.function.Supplier;
import java.util.stream.Collectors;
import org.aapf.adapter.out.k8s.ConnectedKubernetesBackend;
import org.aapf.adapter.out.k8s.KubernetesSettings;
import org.aapf.adapter.out.k8s.KubernetesSettings.EndpointMode;
import org.aapf.adapter.out.k8s.KubernetesSettings.NamespaceMode;
import org.aapf.adapter.out.persistence.TestDatabase;
import org.aapf.adapter.out.persistence.TestDatabases;
import org.aapf.application.port.out.ClusterBackend;
import org.aapf.application.port.out.DesiredInstance;
import org.aapf.application.port.out.ForwardingClusterBackend;
import org.aapf.application.port.out.InstanceRef;
import org.aapf.application.service.reconcile.PassReport;
import org.aapf.bootstrap.support.Api.Reply;
import org.aapf.bootstrap.support.MockKubernetes;
import org.aapf.bootstrap.support.TestServer;
import org.aapf.domain.cluster.ClusterId;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Two AAPF servers (replicas of one Deployment) on one PostgreSQL schema and one Kubernetes API server (fabric8's
 * mock, CRUD mode): both serve the API, one reconciler acts at a time, and the other takes over when the first stops
 * or stalls past its lease; the stalled one writes nothing more once it wakes up.
 */
class KubernetesReplicasPostgresIT {

    private static final String NOTEBOOK = """
            { "jupyterNotebook": { "image": { "repositoryName": "aa_jupyter_notebook" }, "perfType": "small" } }""";
    private static final String WITH_SPARK = """
            { "jupyterNotebook": { "image": { "repositoryName": "aa_jupyter_notebook" }, "perfType": "small" },
              "sparkMaster": { "image": { "repositoryName": "aa_spark" }, "perfType": "small" },
              "sparkWorker": { "image": { "repositoryName": "aa_spark" }, "perfType": "small",
                               "numberOfInstances": 1 } }""";
    private static final String NAMESPACE = "aapf-replicas";
    private static final String CONFIG = """
            backend:
              kubernetes:
                namespace: %s
                endpointMode: pod-ip
            """.formatted(NAMESPACE);
    private static final String SERVER_LABEL = "aapf.org/server";
    private static final Duration WAIT = Duration.ofSeconds(60);

    private TestDatabase database;
    private MockKubernetes kubernetes;
    private final List<TestServer> running = new ArrayList<>();
    private final List<ConnectedKubernetesBackend> backends = new ArrayList<>();
    private final Stall stall = new Stall();

    @BeforeEach
    void start() {
        database = TestDatabases.postgres();
        kubernetes = MockKubernetes.start();
    }

    @AfterEach
    void stop() {
        stall.release();
        try {
            running.forEach(TestServer::close);
            backends.forEach(ConnectedKubernetesBackend::close);
        } finally {
            try {
                kubernetes.close();
            } finally {
                database.close();
            }
        }
    }

    @Test
    void twoReplicas_createOneSetOfPods_andTheSecondTakesOverWhenTheLeaderStops() throws Exception {
        TestServer first = startServer(Map.of(), Optional.empty());
        TestServer second = startServer(Map.of(), Optional.empty());
        String serverId = first.server().component().serverId();
        assertEquals(serverId, second.server().component().serverId(), "replicas on one database share the id");
        first.addUser("user1", "user1pass");
        String token = second.api().login("user1", "user1pass").text("accessToken");

        assertEquals(202, second.api().post("/api/v1/aaclusters/one", token, NOTEBOOK).status());
        Pod pod = kubernetes.awaitOnePod(SERVER_LABEL, serverId, WAIT);
        PassReport byFirst = first.server().component().reconciler().reconcileOnce();
        PassReport bySecond = second.server().component().reconciler().reconcileOnce();
        assertNotEquals(byFirst.leader(), bySecond.leader(), "exactly one reconciler holds the lease");
        TestServer leader = byFirst.leader() ? first : second;
        TestServer follower = byFirst.leader() ? second : first;
        kubernetes.markRunningAndReady(pod);
        awaitCluster(follower, token, "one", reply -> "created".equals(status(reply)));
        for (int pass = 0; pass < 3; pass++) {
            assertFalse(follower.server().component().reconciler().reconcileOnce().leader());
            assertTrue(leader.server().component().reconciler().reconcileOnce().leader());
        }
        assertEquals(Set.of(pod.getMetadata().getUid()), uids(serverId), "one pod, never replaced or doubled");

        stop(leader);
        assertTrue(follower.server().component().reconciler().reconcileOnce().leader(),
                "the lease was given up on shutdown, so it is free at once");
        assertEquals(202, follower.api().post("/api/v1/aaclusters/two", token, NOTEBOOK).status());
        Pod second2 = awaitPods(serverId, 2).stream()
                .filter(candidate -> !candidate.getMetadata().getUid().equals(pod.getMetadata().getUid()))
                .findFirst().orElseThrow();
        kubernetes.markRunningAndReady(second2);
        awaitCluster(follower, token, "two", reply -> "created".equals(status(reply)));
        assertEquals(Set.of(pod.getMetadata().getUid(), second2.getMetadata().getUid()), uids(serverId),
                "the new leader adopted the running pod instead of creating it again");

        assertEquals(202, follower.api().delete("/api/v1/aaclusters/one", token).status());
        awaitCluster(follower, token, "one", reply -> reply.status() == 404);
        assertEquals(Set.of(second2.getMetadata().getUid()), uids(serverId));
    }

    @Test
    void leaderStalledMidPassPastItsLease_theOtherTakesOver_andTheStalledOneWritesNothingMore() throws Exception {
        String serverId = "replicas-" + UUID.randomUUID().toString().substring(0, 8);
        String config = CONFIG + "clusters:\n  leaseTtl: PT4S\n";
        Map<String, String> env = Map.of("AAPF_SERVER_ID", serverId);
        StallingBackend firstBackend = new StallingBackend("first", connect(serverId), stall);
        StallingBackend secondBackend = new StallingBackend("second", connect(serverId), stall);
        TestServer first = startServer(env, Optional.of(new Configured(config, firstBackend)));
        TestServer second = startServer(env, Optional.of(new Configured(config, secondBackend)));
        first.addUser("user1", "user1pass");
        String token = first.api().login("user1", "user1pass").text("accessToken");

        assertEquals(202, first.api().post("/api/v1/aaclusters/sample", token, WITH_SPARK).status());
        String stalled = stall.awaitStalled();
        StallingBackend stuckBackend = stalled.equals("first") ? firstBackend : secondBackend;
        StallingBackend otherBackend = stalled.equals("first") ? secondBackend : firstBackend;
        TestServer stuck = stalled.equals("first") ? first : second;
        // The mock API server has no kubelet: the master turns ready when the test says so, and workers start after it.
        Pod master = awaitPods(serverId, 2).stream().filter(pod -> "spark-master".equals(pod.getMetadata().getLabels()
                .get("aapf.org/service"))).findFirst().orElseThrow();
        kubernetes.markRunningAndReady(master);
        List<Pod> pods = awaitPods(serverId, 3);
        // A pass applies a cluster's instances concurrently: the stalled leader's batch (the notebook and the master)
        // may have got one apply through before it stalled; the other replica created the rest, the worker included.
        assertTrue(otherBackend.changes() >= 2, "the other replica created the pods while the leader stalled");
        Set<String> created = pods.stream().map(pod -> pod.getMetadata().getUid()).collect(Collectors.toSet());

        stall.release();
        // waits for the stalled pass to end (reconcileOnce is synchronized), then passes once more
        PassReport after = stuck.server().component().reconciler().reconcileOnce();

        assertFalse(after.leader(), "the other replica holds the lease now");
        int stuckChanges = stuckBackend.changes();
        assertTrue(stuckChanges <= 2, "only the calls of the batch under way when it stalled got through");
        assertFalse(stuck.server().component().reconciler().reconcileOnce().leader());
        assertEquals(stuckChanges, stuckBackend.changes(), "and nothing more");
        assertEquals(created, uids(serverId), "three pods, none replaced or doubled");
        Pod notebook = pods.stream().filter(pod -> "jupyter-notebook".equals(pod.getMetadata().getLabels()
                .get("aapf.org/service"))).findFirst().orElseThrow();
        kubernetes.markRunningAndReady(notebook);
        awaitCluster(stuck, token, "sample", reply -> "ready".equals(reply.body().path("aacluster")
                .path("services").path(0).path("instances").path(0).path("status").asText()));
    }

    // ---- helpers ----

    /** A server configured with a custom backend (the test's handle on it). */
    private record Configured(String yaml, ClusterBackend backend) {
    }

    private TestServer startServer(Map<String, String> extra, Optional<Configured> configured) {
        Map<String, String> env = new HashMap<>(Map.of("AAPF_DB_URL", database.settings().jdbcUrl(),
                "AAPF_DB_USER", database.settings().user(), "AAPF_BACKEND", "kubernetes",
                "AAPF_KUBECONFIG", kubernetes.kubeconfig().toString()));
        env.putAll(extra);
        TestServer server = configured
                .map(custom -> TestServer.start(env, custom.yaml(), custom.backend()))
                .orElseGet(() -> TestServer.startWithConfiguredBackend(env, CONFIG));
        running.add(server);
        return server;
    }

    private ConnectedKubernetesBackend connect(String serverId) {
        ConnectedKubernetesBackend backend = ConnectedKubernetesBackend.connect(new KubernetesSettings(
                NamespaceMode.SHARED, NAMESPACE, serverId, EndpointMode.POD_IP, Duration.ofMinutes(5),
                Optional.of(kubernetes.kubeconfig()), "cluster.local"), Clock.systemUTC());
        backends.add(backend);
        return backend;
    }

    private void stop(TestServer server) {
        running.remove(server);
        server.close();
    }

    private Set<String> uids(String serverId) {
        return kubernetes.pods(SERVER_LABEL, serverId).stream().map(pod -> pod.getMetadata().getUid())
                .collect(Collectors.toSet());
    }

    private List<Pod> awaitPods(String serverId, int count) throws InterruptedException {
        await(() -> kubernetes.pods(SERVER_LABEL, serverId).size() == count, () -> "expected " + count + " pods: "
                + kubernetes.pods(SERVER_LABEL, serverId));
        return kubernetes.pods(SERVER_LABEL, serverId);
    }

    private static String status(Reply reply) {
        return reply.body().path("aacluster").path("status").asText();
    }

    private static Reply awaitCluster(TestServer server, String token, String name, Predicate<Reply> condition)
            throws InterruptedException {
        AtomicReference<Reply> last = new AtomicReference<>();
        await(() -> {
            last.set(server.api().get("/api/v1/aaclusters/" + name, token));
            return condition.test(last.get());
        }, () -> "cluster " + name + " did not reach the expected state: " + last.get().raw().body());
        return last.get();
    }

    private static void await(BooleanSupplier condition, Supplier<String> failure)
            throws InterruptedException {
        long deadline = System.nanoTime() + WAIT.toNanos();
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError(failure.get());
            }
            Thread.sleep(100);
        }
    }

    /** Holds the first apply any replica makes until released: that replica's process "stalls" mid-pass. */
    private static final class Stall {

        private final AtomicReference<String> stalled = new AtomicReference<>();
        private final CountDownLatch reached = new CountDownLatch(1);
        private final CountDownLatch released = new CountDownLatch(1);

        void maybeStall(String replica) {
            if (!stalled.compareAndSet(null, replica)) {
                return;
            }
            reached.countDown();
            try {
                if (!released.await(2, TimeUnit.MINUTES)) {
                    throw new IllegalStateException("stall never released");
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }

        String awaitStalled() throws InterruptedException {
            assertTrue(reached.await(WAIT.toSeconds(), TimeUnit.SECONDS), "no replica applied anything");
            return stalled.get();
        }

        void release() {
            released.countDown();
        }
    }

    /** One replica's Kubernetes backend, which may stall in its first apply; counts the changes that got through. */
    private static final class StallingBackend extends ForwardingClusterBackend {

        private final String replica;
        private final Stall stall;
        private final AtomicInteger changes = new AtomicInteger();

        StallingBackend(String replica, ClusterBackend backend, Stall stall) {
            super(backend);
            this.replica = replica;
            this.stall = stall;
        }

        int changes() {
            return changes.get();
        }

        @Override
        public void apply(DesiredInstance desired) {
            stall.maybeStall(replica);
            changes.incrementAndGet();
            super.apply(desired);
        }

        @Override
        public void remove(InstanceRef ref) {
            changes.incrementAndGet();
            super.remove(ref);
        }

        @Override
        public void removeCluster(ClusterId cluster) {
            changes.incrementAndGet();
            super.removeCluster(cluster);
        }
    }
}

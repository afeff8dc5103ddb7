package org.aapf.application.port.out;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Predicate;
import org.aapf.application.port.out.ObservedInstance.Phase;
import org.aapf.domain.cluster.ClusterId;
import org.aapf.domain.cluster.ServiceKind;
import org.aapf.domain.user.UserId;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * The behaviour every {@link ClusterBackend} must show, whatever it runs on (Woltmann's abstract repository test):
 * a backend's integration test extends this class and supplies backends and a runnable instance.
 */
public abstract class ClusterBackendContract {

    /** Where contract instances with a workspace mount it: a directory every test image's user may write. */
    protected static final String WORKSPACE = "/www";

    private final List<ClusterId> clusters = new ArrayList<>();
    private final UserId owner = UserId.random();

    /** The backend under test; the same object on every call within one test, owned by a test-unique server id. */
    protected abstract ClusterBackend backend();

    /** A second backend on the same engine with another server id. */
    protected abstract ClusterBackend otherServersBackend();

    /** A new backend object with the same server id as {@link #backend()}, as after an AAPF restart. */
    protected abstract ClusterBackend restartedBackend();

    /**
     * An instance that starts quickly and serves its health path on {@code httpPort}, e.g. a tiny HTTP server.
     */
    protected abstract DesiredInstance runnableInstance(InstanceRef ref, UserId owner);

    /**
     * Writes a file into the workspace of the running instance (mounted at {@link #WORKSPACE}) as the instance's
     * user. Only called on a backend that {@link ClusterBackend#copiesWorkspaces() copies workspaces}.
     */
    protected void writeWorkspaceFile(InstanceRef running, String name, String content) {
        throw new UnsupportedOperationException("this backend does not copy workspaces");
    }

    /** The content of a file in the workspace of the running instance; empty when there is no such file. */
    protected Optional<String> readWorkspaceFile(InstanceRef running, String name) {
        throw new UnsupportedOperationException("this backend does not copy workspaces");
    }

    /** How long an instance may take to reach {@link Phase#READY}. */
    protected Duration readyTimeout() {
        return Duration.ofSeconds(60);
    }

    @AfterEach
    void removeContractClusters() {
        for (ClusterId cluster : clusters) {
            backend().removeCluster(cluster);
            otherServersBackend().removeCluster(cluster);
        }
    }

    @Test
    void applyTwice_yieldsOneInstance() {
        DesiredInstance desired = runnableInstance(notebookOf(newCluster()), owner);

        backend().apply(desired);
        backend().apply(desired);

        List<ObservedInstance> observed = instancesOf(desired.ref().cluster());
        assertEquals(1, observed.size());
        assertEquals(desired.ref(), observed.get(0).ref());
        assertEquals(owner, observed.get(0).owner());
        assertEquals(desired.specHash(), observed.get(0).specHash());
    }

    @Test
    void appliedInstance_becomesReadyWithAnEndpoint() {
        DesiredInstance desired = runnableInstance(notebookOf(newCluster()), owner);

        backend().apply(desired);

        ObservedInstance ready = awaitInstance(desired.ref(), i -> i.phase() == Phase.READY);
        assertTrue(ready.alerts().isEmpty(), ready.alerts()::toString);
        Optional<Endpoint> endpoint = backend().endpoint(desired.ref());
        assertTrue(endpoint.isPresent(), "a running instance has an endpoint");
    }

    @Test
    void applyWithChangedSpec_replacesTheInstance() {
        DesiredInstance first = runnableInstance(notebookOf(newCluster()), owner);
        backend().apply(first);
        DesiredInstance changed = withExtraEnv(first, "AAPF_CONTRACT_CHANGE", "1");

        backend().apply(changed);

        List<ObservedInstance> observed = instancesOf(first.ref().cluster());
        assertEquals(1, observed.size());
        assertNotEquals(first.specHash(), changed.specHash());
        assertEquals(changed.specHash(), observed.get(0).specHash());
    }

    @Test
    void removeTwice_succeeds_andRemovingANeverCreatedInstanceToo() {
        DesiredInstance desired = runnableInstance(notebookOf(newCluster()), owner);
        backend().apply(desired);

        backend().remove(desired.ref());
        backend().remove(desired.ref());
        backend().remove(new InstanceRef(ClusterId.random(), ServiceKind.SPARK_WORKER, 3));

        assertTrue(instancesOf(desired.ref().cluster()).isEmpty());
        assertTrue(backend().endpoint(desired.ref()).isEmpty());
    }

    @Test
    void removeCluster_removesAllItsInstancesAndNoOtherCluster() {
        ClusterId cluster = newCluster();
        ClusterId neighbour = newCluster();
        backend().apply(runnableInstance(notebookOf(cluster), owner));
        backend().apply(runnableInstance(new InstanceRef(cluster, ServiceKind.SPARK_WORKER, 1), owner));
        backend().apply(runnableInstance(notebookOf(neighbour), owner));

        backend().removeCluster(cluster);
        backend().removeCluster(cluster);

        assertTrue(instancesOf(cluster).isEmpty());
        assertEquals(1, instancesOf(neighbour).size());
    }

    @Test
    void removeCluster_ofAnUnknownCluster_succeeds() {
        backend().removeCluster(ClusterId.random());

        assertTrue(backend().observe().stream().noneMatch(i -> clusters.contains(i.ref().cluster())));
    }

    @Test
    void observe_listsOnlyThisServersInstances() {
        DesiredInstance ours = runnableInstance(notebookOf(newCluster()), owner);
        DesiredInstance theirs = runnableInstance(notebookOf(newCluster()), owner);
        backend().apply(ours);
        otherServersBackend().apply(theirs);

        List<InstanceRef> seen = backend().observe().stream().map(ObservedInstance::ref).toList();

        assertEquals(List.of(ours.ref()), seen);
        assertTrue(otherServersBackend().observe().stream().anyMatch(i -> i.ref().equals(theirs.ref())));
    }

    @Test
    void restartedBackend_adoptsTheInstanceWithoutDuplicatingIt() {
        DesiredInstance desired = runnableInstance(notebookOf(newCluster()), owner);
        backend().apply(desired);
        ObservedInstance before = awaitInstance(desired.ref(), i -> i.phase() == Phase.READY);

        ClusterBackend restarted = restartedBackend();
        restarted.apply(desired);

        List<ObservedInstance> after = restarted.observe().stream()
                .filter(i -> i.ref().cluster().equals(desired.ref().cluster())).toList();
        assertEquals(1, after.size());
        assertEquals(Phase.READY, after.get(0).phase());
        assertEquals(before.since(), after.get(0).since(), "the running instance was kept, not recreated");
    }

    @Test
    void copyWorkspace_copiesEveryFileIntoARunningInstance_withinTheLimit_orIsRefusedWhereUnsupported() {
        ClusterId from = newCluster();
        ClusterId to = newCluster();
        InstanceRef into = notebookOf(to);
        if (!backend().copiesWorkspaces()) {
            assertThrows(UnsupportedOperationException.class,
                    () -> backend().copyWorkspace(from, into, WORKSPACE, 1 << 20));
            return;
        }
        try {
            InstanceRef old = notebookOf(from);
            backend().apply(withWorkspace(runnableInstance(old, owner)));
            awaitInstance(old, instance -> instance.phase() == Phase.READY);
            writeWorkspaceFile(old, "notes.txt", "hello");
            backend().removeCluster(from);
            backend().apply(withWorkspace(runnableInstance(into, owner)));
            awaitInstance(into, instance -> instance.phase() == Phase.READY);

            assertEquals(ClusterBackend.WorkspaceCopy.TOO_LARGE, backend().copyWorkspace(from, into, WORKSPACE, 1));
            assertEquals(ClusterBackend.WorkspaceCopy.COPIED,
                    backend().copyWorkspace(from, into, WORKSPACE, 1 << 20));

            assertEquals(Optional.of("hello"), readWorkspaceFile(into, "notes.txt"));
            assertEquals(ClusterBackend.WorkspaceCopy.COPIED,
                    backend().copyWorkspace(ClusterId.random(), into, WORKSPACE, 1 << 20), "nothing to copy");
            assertEquals(Optional.of("hello"), readWorkspaceFile(into, "notes.txt"));
            assertEquals(1, instancesOf(to).size());
            assertTrue(instancesOf(from).isEmpty(), "the copy leaves no instance of the old cluster");
        } finally {
            backend().removeCluster(to);
            backend().removeWorkspace(to);
            backend().removeWorkspace(from);
        }
        assertTrue(backend().workspaces().stream().noneMatch(w -> w.cluster().equals(from) || w.cluster().equals(to)));
    }

    @Test
    void endpoint_isEmptyForAnUnknownInstance() {
        assertFalse(backend().endpoint(notebookOf(ClusterId.random())).isPresent());
    }

    /** A new cluster id that is cleaned up after the test. */
    protected ClusterId newCluster() {
        ClusterId cluster = ClusterId.random();
        clusters.add(cluster);
        return cluster;
    }

    protected static InstanceRef notebookOf(ClusterId cluster) {
        return new InstanceRef(cluster, ServiceKind.JUPYTER_NOTEBOOK, 1);
    }

    protected List<ObservedInstance> instancesOf(ClusterId cluster) {
        return backend().observe().stream().filter(i -> i.ref().cluster().equals(cluster)).toList();
    }

    /** Polls {@link ClusterBackend#observe()} until the instance matches, failing with its last state. */
    protected ObservedInstance awaitInstance(InstanceRef ref, Predicate<ObservedInstance> condition) {
        Instant deadline = Instant.now().plus(readyTimeout());
        Optional<ObservedInstance> last = Optional.empty();
        while (Instant.now().isBefore(deadline)) {
            last = backend().observe().stream().filter(i -> i.ref().equals(ref)).findFirst();
            if (last.isPresent() && condition.test(last.get())) {
                return last.get();
            }
            sleep(Duration.ofMillis(100));
        }
        return fail("instance " + ref + " did not reach the expected state; last seen: " + last);
    }

    /** The instance with a workspace mounted at {@link #WORKSPACE}. */
    protected static DesiredInstance withWorkspace(DesiredInstance desired) {
        return new DesiredInstance(desired.ref(), desired.owner(), desired.image(), desired.command(), desired.env(),
                desired.resources(), desired.httpPort(), desired.healthPath(), desired.hostname(),
                Optional.of(WORKSPACE));
    }

    protected static DesiredInstance withExtraEnv(DesiredInstance desired, String name, String value) {
        Map<String, String> env = new HashMap<>(desired.env());
        env.put(name, value);
        return new DesiredInstance(desired.ref(), desired.owner(), desired.image(), desired.command(), env,
                desired.resources(), desired.httpPort(), desired.healthPath(), desired.hostname());
    }

    protected static void sleep(Duration duration) {
        try {
            Thread.sleep(duration.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        }
    }
}

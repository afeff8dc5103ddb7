package org.aapf.bootstrap;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.aapf.application.port.out.ClusterBackend.WorkspaceCopy;
import org.aapf.application.port.out.InstanceRef;
import org.aapf.application.port.out.WarmInstance;
import org.aapf.application.port.out.WarmInstanceRepository;
import org.aapf.bootstrap.support.Api.Reply;
import org.aapf.bootstrap.support.Docker;
import org.aapf.bootstrap.support.NotebookFiles;
import org.aapf.bootstrap.support.PooledDockerServer;
import org.aapf.bootstrap.support.TestServer;
import org.aapf.domain.cluster.ClusterId;
import org.aapf.domain.cluster.ServiceKind;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;

/**
 * Starts of a stopped notebook on a warm pool's instance, on the real Docker engine with the real notebook image: a
 * file written through the proxy survives stop and a warm start, which is {@code created} on its first GET at the warm
 * instance's new address, owned by the notebook's user; the old volume goes once the switch is stored; a server that
 * died after copying into a claimed instance but before storing the switch loses no file and leaks nothing; deleting
 * the cluster leaves only the pool's own instance. The steps share one server, so they run in order.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class WarmStartDockerIT {

    private static final String CREATE = """
            { "jupyterNotebook": { "image": { "repositoryName": "aa_jupyter_notebook" }, "perfType": "small" } }""";
    private PooledDockerServer pooled;
    private String label;
    private TestServer server;
    private String token;
    private NotebookFiles files;
    private String content;

    @BeforeAll
    void startServerWithAPoolOfOneAndANotebook() throws Exception {
        pooled = PooledDockerServer.start("wstart");
        server = pooled.server();
        token = pooled.token();
        label = pooled.label();
        assertEquals(202, server.api().post("/api/v1/aaclusters/nb", token, CREATE).status());
        files = filesOf(awaitStatus("created"));
    }

    @AfterAll
    void cleanUp() throws Exception {
        if (pooled != null) {
            pooled.close();
        }
    }

    @Test
    @Order(1)
    void stoppedNotebookStartsWarm_createdOnItsFirstGet_withItsFileAtTheNewAddress() throws Exception {
        content = files.write("notes.txt");
        String oldVolume = volumeOf(notebookContainer());
        stop();
        WarmInstance warm = awaitReady();

        assertEquals(202, server.api().post("/api/v1/aaclusters/nb/start", token, "").status());
        Reply first = server.api().get("/api/v1/aaclusters/nb", token);

        assertEquals("created", first.body().at("/aacluster/status").asText(), first.raw().body());
        JsonNode notebook = first.body().at("/aacluster/services/0/instances/0");
        assertEquals(warm.access().urlPath(), notebook.path("urlPath").asText(), "the warm instance's address");
        NotebookFiles moved = filesOf(first);
        assertEquals(content, moved.read("notes.txt"));
        assertEquals(404, files.readOnce("notes.txt").status(), "the old address leads nowhere");
        String container = notebookContainer();
        assertEquals(warm.id().toString(), Docker.inspect(container, "{{index .Config.Labels \"org.aapf.cluster\"}}"));
        assertEquals("jovyan jovyan", Docker.exec("docker", "exec", container, "stat", "-c", "%U %G",
                "/home/jovyan/notes.txt").strip(), "owned by the notebook's user");
        String events = server.api().get("/api/v1/aaclusters/nb/events", token).raw().body();
        assertTrue(events.contains("\"starting\"") && events.contains("warm notebook instance"), events);

        pooled.await("the old workspace volume to be removed", () -> !Docker.volumes(label).contains(oldVolume));
        assertEquals(List.of(), copyHelpers(), "no helper container is left");
        files = moved;
    }

    @Test
    @Order(2)
    void serverDyingAfterTheCopyButBeforeTheSwitchLosesNoFileAndLeaksNothing() throws Exception {
        String second = files.write("second.txt");
        ClusterId runtime = ClusterId.parse(Docker.inspect(notebookContainer(),
                "{{index .Config.Labels \"org.aapf.cluster\"}}").strip());
        stop();
        awaitReady();
        WarmInstanceRepository warm = server.server().component().warmInstances();

        // What a server does before it dies: claim, copy; the switch is never stored.
        WarmInstance lost = warm.claim(PooledDockerServer.POOL, Instant.now()).orElseThrow();
        assertEquals(WorkspaceCopy.COPIED, server.server().component().backend().copyWorkspace(runtime,
                new InstanceRef(lost.id(), ServiceKind.JUPYTER_NOTEBOOK, 1), "/home/jovyan", 64L << 20));

        pooled.await("the lost claim to be removed", () -> warm.listAll().stream()
                .noneMatch(instance -> instance.id().equals(lost.id())));
        assertEquals("stopped", server.api().get("/api/v1/aaclusters/nb", token).body().at("/aacluster/status")
                .asText());
        assertTrue(Docker.volumes(label).stream().noneMatch(volume -> labelOf(volume).equals(lost.id().toString())),
                "the half-taken instance's volume is gone");
        awaitReady();

        assertEquals(202, server.api().post("/api/v1/aaclusters/nb/start", token, "").status());
        Reply first = server.api().get("/api/v1/aaclusters/nb", token);

        assertEquals("created", first.body().at("/aacluster/status").asText(), first.raw().body());
        files = filesOf(first);
        assertEquals(content, files.read("notes.txt"));
        assertEquals(second, files.read("second.txt"));
    }

    @Test
    @Order(3)
    void deletingTheClusterLeavesOnlyThePoolsInstance() throws Exception {
        assertEquals(202, server.api().delete("/api/v1/aaclusters/nb", token).status());
        pooled.await("the cluster to be deleted", () -> server.api().get("/api/v1/aaclusters/nb", token).status() == 404);
        WarmInstance refill = awaitReady();
        pooled.await("only the pool's instance to be left", () -> Docker.containerIds(label).size() == 1
                && Docker.volumes(label).size() == 1);

        assertEquals(refill.id().toString(), labelOf(Docker.volumes(label).getFirst()));
        assertEquals(List.of(), copyHelpers());
        String networks = Docker.exec("docker", "network", "ls", "-q", "--filter", "label=" + label).strip();
        assertFalse(networks.isEmpty() || networks.contains("\n"), "one network: the pool instance's");
    }

    private void stop() throws Exception {
        assertEquals(202, server.api().post("/api/v1/aaclusters/nb/stop", token, "").status());
        awaitStatus("stopped");
    }

    private NotebookFiles filesOf(Reply cluster) {
        JsonNode notebook = cluster.body().at("/aacluster/services/0/instances/0");
        return new NotebookFiles(() -> server.api(), notebook.path("urlPath").asText(),
                notebook.path("jupyterToken").asText());
    }

    private String notebookContainer() throws IOException, InterruptedException {
        for (String id : Docker.containerIds(label)) {
            if (!WarmInstance.POOL_OWNER.toString().equals(Docker.inspect(id,
                    "{{index .Config.Labels \"org.aapf.owner\"}}").strip()) || isTheClusters(id)) {
                return id;
            }
        }
        throw new AssertionError("no notebook container of the cluster");
    }

    /** Docker cannot relabel: a container the cluster took over still names the pool's owner; its row knows. */
    private boolean isTheClusters(String container) throws IOException, InterruptedException {
        String cluster = Docker.inspect(container, "{{index .Config.Labels \"org.aapf.cluster\"}}").strip();
        return server.server().component().warmInstances().listAll().stream()
                .noneMatch(instance -> instance.id().toString().equals(cluster)
                        && instance.state() != WarmInstance.State.CLAIMED);
    }

    private static String volumeOf(String container) throws IOException, InterruptedException {
        return Docker.inspect(container, "{{range .Mounts}}{{.Name}}{{end}}").strip();
    }

    private String labelOf(String volume) {
        try {
            return Docker.volumeLabel(volume, "org.aapf.cluster");
        } catch (IOException | InterruptedException e) {
            throw new IllegalStateException(e);
        }
    }

    private List<String> copyHelpers() throws IOException, InterruptedException {
        String out = Docker.exec("docker", "ps", "-a", "--filter", "label=" + label, "--filter", "name=aapf-wscopy-",
                "--format", "{{.Names}}").strip();
        return out.isEmpty() ? List.of() : List.of(out.split("\\s+"));
    }

    private Reply awaitStatus(String status) throws InterruptedException {
        long deadline = System.nanoTime() + PooledDockerServer.READY.toNanos();
        Reply reply;
        do {
            server.server().component().reconciler().wake();
            reply = server.api().get("/api/v1/aaclusters/nb", token);
            if (status.equals(reply.body().at("/aacluster/status").asText())) {
                return reply;
            }
            Thread.sleep(250);
        } while (System.nanoTime() < deadline);
        throw new AssertionError("cluster did not become " + status + ": " + reply.raw().body());
    }

    /** Waits for a ready, unclaimed warm instance. */
    private WarmInstance awaitReady() throws InterruptedException {
        return pooled.awaitReady(Optional.empty());
    }
}

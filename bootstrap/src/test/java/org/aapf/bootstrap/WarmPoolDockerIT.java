package org.aapf.bootstrap;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.aapf.application.port.out.WarmInstance;
import org.aapf.application.port.out.WarmInstanceRepository;
import org.aapf.bootstrap.support.Api.Reply;
import org.aapf.bootstrap.support.Docker;
import org.aapf.bootstrap.support.PooledDockerServer;
import org.aapf.bootstrap.support.TestServer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;

/**
 * Warm pools on the real Docker engine with the real notebook image: a pool of one fills, a create takes the warm
 * notebook and is {@code created} on its first GET, its proxied {@code /api/status} answers with the token it was
 * started with, on a network and workspace volume of its own; the pool refills with a new instance; and a claim whose
 * cluster never appeared (a server that died right after claiming) is removed with its network and volume, never
 * handed to anyone. The steps share one server (each notebook start costs seconds), so they run in order.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class WarmPoolDockerIT {

    private static final String CREATE = """
            { "jupyterNotebook": { "image": { "repositoryName": "aa_jupyter_notebook" }, "perfType": "small" } }""";
    private PooledDockerServer pooled;
    private String label;
    private TestServer server;
    private String token;
    private WarmInstance taken;

    @BeforeAll
    void startServerWithAPoolOfOne() throws Exception {
        pooled = PooledDockerServer.start("pool");
        server = pooled.server();
        token = pooled.token();
        label = pooled.label();
    }

    @AfterAll
    void cleanUp() throws Exception {
        if (pooled != null) {
            pooled.close();
        }
    }

    @Test
    @Order(1)
    void poolFillsWithAStartedNotebookOfNoUser() throws Exception {
        taken = pooled.awaitReady(Optional.empty());

        List<String> containers = Docker.containerIds(label);
        assertEquals(1, containers.size(), "one warm notebook, no user's cluster");
        assertEquals(WarmInstance.POOL_OWNER.toString(), Docker.inspect(containers.getFirst(),
                "{{index .Config.Labels \"org.aapf.owner\"}}"));
        assertEquals(taken.id().toString(), Docker.inspect(containers.getFirst(),
                "{{index .Config.Labels \"org.aapf.cluster\"}}"));
    }

    @Test
    @Order(2)
    void createTakesTheWarmNotebookAndIsCreatedOnItsFirstGet() throws Exception {
        String container = Docker.containerIds(label).getFirst();

        assertEquals(202, server.api().post("/api/v1/aaclusters/fast", token, CREATE).status());
        Reply first = server.api().get("/api/v1/aaclusters/fast", token);

        assertEquals("created", first.body().at("/aacluster/status").asText(), first.raw().body());
        JsonNode notebook = first.body().at("/aacluster/services/0/instances/0");
        assertEquals("ready", notebook.path("status").asText());
        assertEquals(taken.access().urlPath(), notebook.path("urlPath").asText());
        assertEquals(taken.access().token().value(), notebook.path("jupyterToken").asText());
        Reply status = server.api().get(notebook.path("urlPath").asText() + "/api/status?token="
                + notebook.path("jupyterToken").asText(), null);
        assertEquals(200, status.status(), status.raw().body());
        assertEquals(403, server.api().get(notebook.path("urlPath").asText() + "/api/contents?token=wrong", null)
                .status(), "the notebook still wants its own token");
        assertEquals(List.of(networkOf(taken)), Docker.networksOf(container), "a network of its own, nobody else's");
        assertEquals("aapf-ws-", Docker.inspect(container, "{{range .Mounts}}{{.Name}}{{end}}").substring(0, 8));
    }

    @Test
    @Order(3)
    void poolRefillsWithANewInstanceAndTheTakenNotebookStays() throws Exception {
        String container = Docker.containerIds(label).getFirst();
        WarmInstance refill = pooled.awaitReady(Optional.of(taken));

        assertNotEquals(taken.access().proxyId(), refill.access().proxyId());
        assertNotEquals(taken.access().token(), refill.access().token());
        assertTrue(Docker.containerIds(label).contains(container), "the taken notebook was not replaced");
        assertEquals("created", server.api().get("/api/v1/aaclusters/fast", token).body().at("/aacluster/status")
                .asText());
        assertEquals(1, server.api().get("/api/v1/aaclusters", token).body().path("aaclusters").size(),
                "the warm instance is not the user's");
    }

    @Test
    @Order(4)
    void claimWhoseClusterNeverAppearsIsRemovedWithItsNetworkAndVolume() throws Exception {
        WarmInstanceRepository warm = server.server().component().warmInstances();
        WarmInstance lost = warm.claim(PooledDockerServer.POOL, Instant.now()).orElseThrow();
        String network = networkOf(lost);
        int volumes = Docker.volumes(label).size();

        WarmInstance next = pooled.awaitReady(Optional.of(lost));
        pooled.await("the lost claim to be removed",
                () -> warm.listAll().stream().noneMatch(instance -> instance.id().equals(lost.id())));

        assertNotEquals(lost.id(), next.id());
        assertEquals(Optional.empty(), containerOf(lost));
        assertEquals(volumes, Docker.volumes(label).size(), "its volume went, the refill's came");
        assertEquals("", Docker.exec("docker", "network", "ls", "-q", "--filter", "name=" + network).strip());
        assertEquals(1, server.api().get("/api/v1/aaclusters", token).body().path("aaclusters").size());
    }

    @Test
    @Order(5)
    void deletingTheTakenClusterRemovesItsVolume() throws Exception {
        int before = Docker.volumes(label).size();
        assertEquals(202, server.api().delete("/api/v1/aaclusters/fast", token).status());
        pooled.await("the cluster to be deleted",
                () -> server.api().get("/api/v1/aaclusters/fast", token).status() == 404);

        assertEquals(before - 1, Docker.volumes(label).size());
    }

    private String networkOf(WarmInstance instance) throws IOException, InterruptedException {
        String container = containerOf(instance).orElseThrow();
        return Docker.networksOf(container).getFirst();
    }

    private Optional<String> containerOf(WarmInstance instance) throws IOException, InterruptedException {
        return Docker.containerIds(label).stream().filter(id -> {
            try {
                return instance.id().toString().equals(Docker.inspect(id,
                        "{{index .Config.Labels \"org.aapf.cluster\"}}"));
            } catch (IOException | InterruptedException e) {
                return false;
            }
        }).findFirst();
    }

    /** Waits for a ready, unclaimed warm instance other than {@code not}. */
}

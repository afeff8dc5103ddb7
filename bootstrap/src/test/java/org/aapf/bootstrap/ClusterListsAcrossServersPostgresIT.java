package org.aapf.bootstrap;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.aapf.bootstrap.support.Api.Reply;
import org.aapf.bootstrap.support.ServersOnPostgres;
import org.aapf.bootstrap.support.TestServer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Two server processes' worth of AAPF on one PostgreSQL schema: a server keeps the list of clusters it answered last,
 * and answers reads of one cluster from it too; every change made through the other server shows in its very next
 * answer, whether the caller presents an access token or an API token (the owner's list version is read with the
 * credential on every request).
 */
class ClusterListsAcrossServersPostgresIT {

    private static final String SMALL = """
            {"jupyterNotebook":{"image":{"repositoryName":"aa_jupyter_notebook"},"perfType":"small"}}""";

    private static ServersOnPostgres servers;
    private static TestServer first;
    private static TestServer second;

    @BeforeAll
    static void start() {
        servers = ServersOnPostgres.start(2, Map.of());
        first = servers.server(0);
        second = servers.server(1);
        first.addUser("lister", "lister-password");
        first.addUser("reader", "reader-password");
    }

    @AfterAll
    static void stop() {
        servers.close();
    }

    @Test
    void listKeptByOneServer_showsEveryChangeMadeOnTheOther_inTheVeryNextRequest() {
        String token = first.api().login("lister", "lister-password").text("accessToken");
        assertEquals(List.of(), names(list(token)));
        assertEquals(List.of(), names(list(token)), "the kept empty list");

        assertEquals(202, first.api().post("/api/v1/aaclusters/beta", token, SMALL).status());
        assertEquals(List.of("beta"), names(list(token)));
        assertEquals(202, first.api().post("/api/v1/aaclusters/alpha", token, SMALL).status());
        assertEquals(List.of("alpha", "beta"), names(list(token)));
        assertEquals(List.of("alpha", "beta"), names(list(token)), "the kept list");

        assertEquals(202, first.api().delete("/api/v1/aaclusters/alpha", token).status());
        for (JsonNode cluster : list(token)) {
            assertTrue(!cluster.path("name").asText().equals("alpha")
                    || cluster.path("status").asText().equals("deleting"), "alpha is deleting or gone: " + cluster);
        }
    }

    @Test
    void oneClusterReadOnOneServer_showsEveryChangeMadeOnTheOther_withAnAccessTokenAndWithAnApiToken() {
        String access = first.api().login("reader", "reader-password").text("accessToken");
        Reply created = first.api().post("/api/v1/api-tokens/script", access, "{\"password\":\"reader-password\"}");
        assertEquals(200, created.status());
        List<String> tokens = List.of(access, created.body().path("apiToken").path("token").asText());

        for (String token : tokens) {
            assertEquals(404, second.api().get("/api/v1/aaclusters/gamma", token).status());
        }
        assertEquals(202, first.api().post("/api/v1/aaclusters/gamma", access, SMALL).status());
        for (String token : tokens) {
            Reply one = second.api().get("/api/v1/aaclusters/gamma", token);
            assertEquals(200, one.status());
            assertEquals("gamma", one.body().path("aacluster").path("name").asText());
            assertEquals(404, second.api().get("/api/v1/aaclusters/delta", token).status(), "a name not listed");
        }

        assertEquals(202, first.api().delete("/api/v1/aaclusters/gamma", access).status());
        for (String token : tokens) {
            Reply one = second.api().get("/api/v1/aaclusters/gamma", token);
            assertTrue(one.status() == 404 || one.body().path("aacluster").path("status").asText().equals("deleting"),
                    "gamma is deleting or gone: " + one.body());
        }
    }

    private static List<JsonNode> list(String token) {
        Reply reply = second.api().get("/api/v1/aaclusters", token);
        assertEquals(200, reply.status());
        List<JsonNode> clusters = new ArrayList<>();
        reply.body().path("aaclusters").forEach(clusters::add);
        return clusters;
    }

    private static List<String> names(List<JsonNode> clusters) {
        return clusters.stream().map(cluster -> cluster.path("name").asText()).toList();
    }
}

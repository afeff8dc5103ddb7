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
 * and every change made through the other server shows in its very next answer (the owner's list version is read on
 * every request).
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

package org.aapf.bootstrap;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.aapf.application.port.in.AddUserUseCase.AddUserCommand;
import org.aapf.bootstrap.support.Api;
import org.aapf.bootstrap.support.Api.Reply;
import org.aapf.bootstrap.support.TestServer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Per-user limits, GET /usage and the admin endpoints on the whole server (H2), limits set by environment. */
class UserLimitsApiIT {

    private static final String SMALL = """
            {"jupyterNotebook":{"image":{"repositoryName":"aa_jupyter_notebook"},"perfType":"small"}}""";

    private static TestServer server;
    private static Api api;
    private static String root;

    @BeforeAll
    static void start() {
        server = TestServer.start(Map.of("AAPF_LIMITS_MAX_CLUSTERS", "2", "AAPF_LIMITS_MAX_CPU", "1",
                "AAPF_LIMITS_MAX_MEMORY_MIB", "", "AAPF_LIMITS_MAX_GPUS", "0"));
        server.server().component().addUser().addUser(new AddUserCommand("root", "root-password", true));
        api = server.api();
        root = api.login("root", "root-password").text("accessToken");
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    @Test
    void createBeyondTheConfiguredLimits_is403NamingLimitRequestAndUse_andUsageShowsIt() {
        String alice = newUser("alice");
        assertEquals(202, api.post("/api/v1/aaclusters/one", alice, SMALL).status());
        assertEquals(202, api.post("/api/v1/aaclusters/two", alice, SMALL).status());

        Reply third = api.post("/api/v1/aaclusters/three", alice, SMALL);

        assertEquals(403, third.status());
        assertEquals("Over your limit maxClusters: creating AACluster 'three' needs 1 AACluster; you use 2 of your 2"
                + " AAClusters.", third.text("message"));
        assertEquals("""
                {"limits":{"maxClusters":2,"maxCpu":1,"maxMemoryMiB":null,"maxGpus":0},\
                "usage":{"clusters":2,"cpu":1,"memoryMiB":2048,"gpus":0}}""",
                api.get("/api/v1/usage", alice).body().toString());
    }

    @Test
    void adminOverridesAUsersLimits_andTheNextCheckUsesThem() {
        String bob = newUser("bob");
        Reply set = api.put("/api/v1/admin/users/bob/limits", root, "{\"maxClusters\": 5, \"maxCpu\": 0.75}");
        assertEquals(200, set.status());
        assertEquals(5, set.body().path("limits").path("maxClusters").asInt());
        assertEquals(202, api.post("/api/v1/aaclusters/one", bob, SMALL).status());

        Reply refused = api.post("/api/v1/aaclusters/two", bob, SMALL);

        assertEquals(403, refused.status());
        assertEquals("Over your limit maxCpu: creating AACluster 'two' needs 0.5 CPU; you use 0.5 of your 0.75 CPU.",
                refused.text("message"));
        JsonNode listed = user(api.get("/api/v1/admin/users", root).body(), "bob");
        assertEquals("{\"maxClusters\":5,\"maxCpu\":0.75,\"maxMemoryMiB\":null,\"maxGpus\":0}",
                listed.path("limits").toString());
        assertEquals(1, listed.path("usage").path("clusters").asInt());
    }

    @Test
    void adminRightsAreGrantedAndRevoked_andOnlyAdminsGetThrough() {
        String carol = newUser("carol");
        assertEquals(403, api.get("/api/v1/admin/users", carol).status());
        assertEquals(403, api.get("/api/v1/admin/aaclusters", carol).status());
        assertEquals(403, api.put("/api/v1/admin/users/carol/limits", carol, "{}").status());

        assertEquals(200, api.put("/api/v1/admin/users/carol/admin", root, "{\"admin\": true}").status());
        assertEquals(200, api.get("/api/v1/admin/users", carol).status());
        Reply ownRevoke = api.put("/api/v1/admin/users/carol/admin", carol, "{\"admin\": false}");
        assertEquals(403, ownRevoke.status());
        assertEquals("You may not revoke your own admin rights: another admin can, or the operator with 'aapf users"
                + " admin carol --revoke'.", ownRevoke.text("message"));
        assertEquals(200, api.get("/api/v1/admin/users", carol).status(), "still an admin");
        assertEquals(200, api.put("/api/v1/admin/users/carol/admin", root, "{\"admin\": false}").status());
        assertEquals(403, api.get("/api/v1/admin/users", carol).status());
    }

    @Test
    void adminPagesThroughEveryUsersClusters_withOwners_andStopsOrDeletesAny() throws InterruptedException {
        String dave = newUser("dave");
        String erin = newUser("erin");
        for (String name : List.of("b", "a")) {
            assertEquals(202, api.post("/api/v1/aaclusters/" + name, dave, SMALL).status());
            assertEquals(202, api.post("/api/v1/aaclusters/" + name, erin, SMALL).status());
        }
        List<String> seen = new ArrayList<>();
        String path = "/api/v1/admin/aaclusters?limit=1";
        for (int page = 0; page < 100 && path != null; page++) {
            JsonNode body = api.get(path, root).body();
            body.path("aaclusters").forEach(cluster -> seen.add(cluster.path("owner").asText() + "/"
                    + cluster.path("name").asText()));
            path = body.path("nextCursor").isNull() ? null
                    : "/api/v1/admin/aaclusters?limit=1&cursor=" + body.path("nextCursor").asText();
        }
        assertTrue(seen.containsAll(List.of("dave/a", "dave/b", "erin/a", "erin/b")), seen.toString());
        assertEquals(seen.stream().sorted().toList(), seen);

        assertEquals(202, api.post("/api/v1/admin/aaclusters/dave/a/stop", root, "").status());
        assertTrue(List.of("stopping", "stopped").contains(status(dave, "a")), status(dave, "a"));
        assertEquals(202, api.delete("/api/v1/admin/aaclusters/erin/b", root).status());
        Reply deleted = api.get("/api/v1/aaclusters/b", erin);
        assertTrue(deleted.status() == 404
                || deleted.body().path("aacluster").path("status").asText().equals("deleting"), deleted.toString());
        assertEquals(List.of("a", "b"), names(api.get("/api/v1/admin/aaclusters?owner=dave", root).body()));
        for (int wait = 0; wait < 100 && !status(dave, "a").equals("stopped"); wait++) {
            Thread.sleep(100);
        }
        assertEquals(List.of("a"), names(api.get("/api/v1/admin/aaclusters?owner=dave&status=stopped", root)
                .body()));
        assertEquals(404, api.delete("/api/v1/admin/aaclusters/nobody/a", root).status());
    }

    @Test
    void badAdminInput_isA400WithAMessage() {
        for (String path : List.of("/api/v1/admin/aaclusters?limit=0", "/api/v1/admin/aaclusters?limit=x",
                "/api/v1/admin/aaclusters?status=sleeping", "/api/v1/admin/aaclusters?cursor=%25%25",
                "/api/v1/admin/aaclusters?stauts=stopped", "/api/v1/admin/aaclusters?limit=1&limit=2")) {
            Reply reply = api.get(path, root);
            assertEquals(400, reply.status(), path);
            assertTrue(reply.text("message").startsWith("'"), reply.body().toString());
        }
        for (String body : List.of("{\"maxCpu\": -1}", "{\"maxClusters\": -2}", "{\"maxCpu\": 0.0001}",
                "{\"maxCpu\": 1e30}", "{\"maxClusters\": 1e30}", "{\"maxGpus\": 99999999999999999999}",
                "{\"maxDisks\": 1}", "{\"maxClusters\": \"many\"}", "[]")) {
            assertEquals(400, api.put("/api/v1/admin/users/root/limits", root, body).status(), body);
        }
        assertEquals(400, api.put("/api/v1/admin/users/root/admin", root, "{}").status());
        assertEquals(404, api.put("/api/v1/admin/users/nobody/limits", root, "{}").status());
    }

    private static String newUser(String name) {
        server.addUser(name, name + "-password");
        return api.login(name, name + "-password").text("accessToken");
    }

    private static String status(String token, String name) {
        return api.get("/api/v1/aaclusters/" + name, token).body().path("aacluster").path("status").asText();
    }

    private static JsonNode user(JsonNode users, String name) {
        for (JsonNode user : users.path("users")) {
            if (user.path("username").asText().equals(name)) {
                return user;
            }
        }
        throw new AssertionError("no user " + name + " in " + users);
    }

    private static List<String> names(JsonNode page) {
        List<String> names = new ArrayList<>();
        page.path("aaclusters").forEach(cluster -> names.add(cluster.path("name").asText()));
        return names;
    }
}

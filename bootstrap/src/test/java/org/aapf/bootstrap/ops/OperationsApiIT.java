package org.aapf.bootstrap.ops;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import org.aapf.application.testing.FakeClusterBackend;
import org.aapf.bootstrap.support.Api.Reply;
import org.aapf.application.testing.LogCapture;
import org.aapf.bootstrap.support.TestServer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Probes, the Prometheus scrape and the access log of a real server (fake cluster backend). */
class OperationsApiIT {

    private static final String METRICS_TOKEN = "metrics-token-for-tests-0123";
    private static final String CREATE = """
            { "jupyterNotebook": { "image": { "repositoryName": "aa_jupyter_notebook" }, "perfType": "small" } }""";
    private static final HttpClient HTTP = HttpClient.newHttpClient();

    private TestServer server;

    @BeforeEach
    void start() {
        server = TestServer.start(Map.of("AAPF_METRICS_TOKEN", METRICS_TOKEN));
        server.addUser("user1", "user1pass");
    }

    @AfterEach
    void stop() {
        server.close();
    }

    @Test
    void probesAnswerWithoutAuthentication_andReadinessListsEveryCheck() throws Exception {
        assertEquals(200, server.api().get("/health/live", null).status());
        awaitFirstPass();

        Reply ready = server.api().get("/health/ready", null);

        assertEquals(200, ready.status(), ready.raw().body());
        assertEquals("UP", ready.text("status"));
        assertEquals(List.of("database:UP", "backend:UP", "reconciler:UP"), checks(ready.body()));
    }

    @Test
    void unreachableBackend_degradesReadinessButKeepsItReady() throws Exception {
        ((FakeClusterBackend) server.backend()).setDown(true);
        server.server().component().reconciler().reconcileOnce();

        Reply ready = server.api().get("/health/ready", null);

        assertEquals(200, ready.status());
        assertEquals("DEGRADED", ready.text("status"));
        assertTrue(checks(ready.body()).contains("backend:DEGRADED"), ready.raw().body());
        assertTrue(scrape().contains("aapf_backend_errors_total{kind=\"unavailable\",operation=\"observe\"}"));
    }

    @Test
    void stoppedReconciler_makesTheServerUnready() {
        server.server().component().reconciler().close();

        Reply ready = server.api().get("/health/ready", null);

        assertEquals(503, ready.status());
        assertEquals("DOWN", ready.text("status"));
        assertTrue(checks(ready.body()).contains("reconciler:DOWN"), ready.raw().body());
    }

    @Test
    void metricsNeedTheToken() throws Exception {
        assertEquals(401, get("/metrics", null).statusCode());
        assertEquals(401, get("/metrics", "wrong-token-wrong-token").statusCode());
        HttpResponse<String> scrape = get("/metrics", METRICS_TOKEN);
        assertEquals(200, scrape.statusCode());
        assertTrue(scrape.headers().firstValue("Content-Type").orElse("").startsWith("text/plain; version=0.0.4"));
    }

    @Test
    void withoutAConfiguredToken_thereIsNoMetricsEndpoint() {
        try (TestServer plain = TestServer.start()) {
            assertEquals(404, plain.api().get("/metrics", METRICS_TOKEN).status());
        }
    }

    @Test
    void scrapeAfterLoginsAndACreate_hasEverySeries() throws Exception {
        assertEquals(401, server.api().login("user1", "wrong-password").status());
        String token = server.api().login("user1", "user1pass").text("accessToken");
        assertEquals(202, server.api().post("/api/v1/aaclusters/sample", token, CREATE).status());
        awaitStatus(token, "sample", "created");
        server.server().component().reconciler().reconcileOnce();

        String metrics = scrape();

        assertSeries(metrics, "aapf_logins_total{outcome=\"succeeded\"} 1.0");
        assertSeries(metrics, "aapf_logins_total{outcome=\"failed\"} 1.0");
        assertSeries(metrics, "aapf_clusters{status=\"created\"} 1.0");
        assertSeries(metrics, "aapf_instances{status=\"ready\"} 1.0");
        assertSeries(metrics, "aapf_cluster_ready_seconds_count 1");
        assertMatches(metrics, "aapf_reconcile_actions_total\\{action=\"applied\"} [1-9].*");
        assertMatches(metrics, "aapf_reconcile_pass_seconds_bucket\\{role=\"leader\",le=\"0.01\"} \\d+");
        assertMatches(metrics, "http_server_requests_seconds_bucket\\{method=\"POST\",outcome=\"success\","
                + "route=\"/api/v1/aaclusters/\\{name}\",status=\"202\",le=\"0.1\"} \\d+");
        assertMatches(metrics, "http_server_requests_seconds_count\\{method=\"POST\",outcome=\"client_error\","
                + "route=\"/api/v1/login\",status=\"401\"} 1");
        assertSeries(metrics, "aapf_proxy_websockets_open 0.0");
    }

    @Test
    void accessLog_hasOneLinePerRequest_withRouteTemplateAndRequestId_butNoTokenOrQuery() throws Exception {
        try (LogCapture logs = new LogCapture()) {
            String token = server.api().login("user1", "user1pass").text("accessToken");
            HttpResponse<String> echoed = HTTP.send(HttpRequest.newBuilder(
                            URI.create(server.baseUrl() + "/api/v1/aaclusters/secret-name?q=query-secret"))
                    .header("Authorization", "Bearer " + token).header("X-Request-Id", "req-42").build(),
                    HttpResponse.BodyHandlers.ofString());
            Reply proxied = server.api().get("/proxy/some-proxy-id/jupyter/api?token=notebook-secret", null);

            assertEquals("req-42", echoed.headers().firstValue("X-Request-Id").orElseThrow());
            assertTrue(proxied.raw().headers().firstValue("X-Request-Id").orElseThrow().matches("[0-9a-f-]{36}"));
            List<String> access = logs.awaitLines("org.aapf.access", 3);
            assertEquals(3, access.size(), access::toString);
            assertTrue(access.get(1).matches("method=GET route=/api/v1/aaclusters/\\{name} status=404 durationMs=\\d+"
                    + " user=[0-9a-f-]{36} requestId=req-42"), access.get(1));
            assertTrue(access.get(2).startsWith("method=GET route=/proxy/* status=404"), access.get(2));
            for (String line : logs.lines(null)) {
                for (String secret : List.of(token, "user1pass", "query-secret", "notebook-secret", "some-proxy-id",
                        "secret-name")) {
                    assertFalse(line.contains(secret), () -> "log line leaks " + secret + ": " + line);
                }
            }
        }
    }

    private void awaitFirstPass() throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofSeconds(20).toNanos();
        while (server.server().component().reconciler().lastPass().isEmpty() && System.nanoTime() < deadline) {
            Thread.sleep(50);
        }
    }

    private void awaitStatus(String token, String name, String status) throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
        while (!status.equals(server.api().get("/api/v1/aaclusters/" + name, token).body().path("aacluster")
                .path("status").asText())) {
            assertTrue(System.nanoTime() < deadline, "cluster did not become " + status);
            server.server().component().reconciler().wake();
            Thread.sleep(100);
        }
    }

    private static List<String> checks(JsonNode health) {
        return java.util.stream.StreamSupport.stream(health.path("checks").spliterator(), false)
                .map(check -> check.path("name").asText() + ":" + check.path("status").asText())
                .toList();
    }

    private String scrape() throws Exception {
        return get("/metrics", METRICS_TOKEN).body();
    }

    private HttpResponse<String> get(String path, String bearer) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(server.baseUrl() + path));
        if (bearer != null) {
            request.header("Authorization", "Bearer " + bearer);
        }
        return HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    private static void assertSeries(String metrics, String line) {
        assertTrue(metrics.lines().anyMatch(line::equals), () -> "no line '" + line + "' in:\n" + metrics);
    }

    private static void assertMatches(String metrics, String regex) {
        Pattern pattern = Pattern.compile(regex);
        assertTrue(metrics.lines().anyMatch(l -> pattern.matcher(l).matches()),
                () -> "no line matching '" + regex + "' in:\n" + metrics);
    }
}

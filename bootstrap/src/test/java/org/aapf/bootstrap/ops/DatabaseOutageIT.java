package org.aapf.bootstrap.ops;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import org.aapf.application.port.out.Endpoint;
import org.aapf.application.port.out.ForwardingClusterBackend;
import org.aapf.application.port.out.InstanceRef;
import org.aapf.application.testing.FakeClusterBackend;
import org.aapf.application.testing.LogCapture;
import org.aapf.bootstrap.support.Api.Reply;
import org.aapf.bootstrap.support.PrivatePostgres;
import org.aapf.bootstrap.support.TestServer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * A real server on a PostgreSQL of the test's own, which is stopped for about 30 s: the API answers 503 JSON with
 * Retry-After (never 500, no stack trace per request), readiness is DOWN, a running notebook (a test-side HTTP server
 * standing in for Jupyter: the route cache, not the notebook, is under test) stays reachable, and once the database is
 * back everything works again with nothing lost.
 */
class DatabaseOutageIT {

    private static final Duration OUTAGE = Duration.ofSeconds(30);
    private static final String CREATE = """
            { "jupyterNotebook": { "image": { "repositoryName": "aa_jupyter_notebook" }, "perfType": "small" } }""";
    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    private PrivatePostgres postgres;
    private HttpServer notebook;
    private TestServer server;
    private LogCapture capture;

    @BeforeEach
    void start() throws IOException {
        postgres = PrivatePostgres.start();
        notebook = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        notebook.createContext("/", exchange -> {
            byte[] body = "notebook page".getBytes(StandardCharsets.UTF_8);
            exchange.sendResponseHeaders(200, body.length);
            exchange.getResponseBody().write(body);
            exchange.close();
        });
        notebook.start();
        int notebookPort = notebook.getAddress().getPort();
        FakeClusterBackend fake = new FakeClusterBackend(Clock.systemUTC());
        server = TestServer.start(Map.of("AAPF_DB_URL", postgres.jdbcUrl(), "AAPF_DB_USER", "postgres"),
                new ForwardingClusterBackend(fake) {
                    @Override
                    public Optional<Endpoint> endpoint(InstanceRef ref) {
                        return delegate().endpoint(ref).map(found -> new Endpoint("127.0.0.1", notebookPort));
                    }
                });
        server.addUser("user1", "user1pass");
    }

    @AfterEach
    void stop() {
        if (capture != null) {
            capture.close();
        }
        try {
            if (server != null) {
                server.close();
            }
        } finally {
            if (notebook != null) {
                notebook.stop(0);
            }
            postgres.close();
        }
    }

    @Test
    void duringAnOutage_apiAnswers503_notebooksStayReachable_andAfterwardsNothingIsLost() throws Exception {
        String token = server.api().login("user1", "user1pass").text("accessToken");
        assertEquals(202, server.api().post("/api/v1/aaclusters/before", token, CREATE).status());
        String urlPath = awaitNotebook(token, "before");
        assertEquals("notebook page", get(urlPath).body(), "the notebook answers through the proxy");

        capture = new LogCapture();
        postgres.stop();
        long outageEnds = System.nanoTime() + OUTAGE.toNanos();
        int apiRequests = 0;
        int notebookRequests = 0;
        while (System.nanoTime() < outageEnds) {
            for (Reply reply : List.of(server.api().get("/api/v1/aaclusters", token),
                    server.api().post("/api/v1/aaclusters/during", token, CREATE),
                    server.api().login("user1", "user1pass"))) {
                assertUnavailable(reply);
                apiRequests++;
            }
            Reply ready = server.api().get("/health/ready", null);
            assertEquals(503, ready.status(), ready.raw().body());
            assertEquals("DOWN", ready.text("status"));
            HttpResponse<String> page = get(urlPath);
            assertEquals(200, page.statusCode(), "the notebook stays reachable through its cached route");
            assertEquals("notebook page", page.body());
            notebookRequests++;
        }
        capture.close();
        List<LogRecord> outageLog = capture.records();
        postgres.startAgain();

        Reply listed = awaitAvailable(token);
        assertEquals(List.of("before"), names(listed), "nothing written before the outage is lost,"
                + " nothing refused during it was half-done");
        String fresh = server.api().login("user1", "user1pass").text("accessToken");
        assertEquals(202, server.api().post("/api/v1/aaclusters/after", fresh, CREATE).status());
        awaitNotebook(fresh, "after");
        assertEquals(200, server.api().get("/health/ready", null).status());
        assertEquals("notebook page", get(urlPath).body());

        long traces = outageLog.stream().filter(r -> r.getThrown() != null
                && r.getLoggerName() != null && r.getLoggerName().startsWith("org.aapf.adapter.in.http")).count();
        long errorLines = outageLog.stream().filter(r -> "org.aapf.adapter.in.http.ErrorHandling"
                .equals(r.getLoggerName())).count();
        assertEquals(0, traces, "no stack trace for refused requests");
        assertTrue(errorLines <= 4, errorLines + " lines for " + apiRequests + " refused API requests: one per 30 s");
        assertTrue(apiRequests >= 6 && notebookRequests >= 2, apiRequests + " / " + notebookRequests);
        assertFalse(outageLog.stream().anyMatch(r -> r.getLevel().intValue() >= Level.SEVERE.intValue()
                && r.getLoggerName() != null && r.getLoggerName().startsWith("org.aapf.adapter.in.http")),
                "no request was an unexpected failure");
    }

    private static void assertUnavailable(Reply reply) {
        assertEquals(503, reply.status(), reply.raw().body());
        assertEquals("The database cannot be reached. Please try again shortly.", reply.text("message"));
        assertTrue(reply.raw().headers().firstValue("Retry-After").isPresent(), "Retry-After");
        assertEquals("application/json", reply.raw().headers().firstValue("Content-Type").orElse(""));
    }

    private Reply awaitAvailable(String token) throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
        while (true) {
            Reply reply = server.api().get("/api/v1/aaclusters", token);
            if (reply.status() == 200) {
                return reply;
            }
            assertEquals(503, reply.status(), "while the pool reconnects: " + reply.raw().body());
            assertTrue(System.nanoTime() < deadline, "the API did not come back");
            Thread.sleep(250);
        }
    }

    private String awaitNotebook(String token, String name) throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
        while (true) {
            Reply reply = server.api().get("/api/v1/aaclusters/" + name, token);
            var cluster = reply.body().path("aacluster");
            if ("created".equals(cluster.path("status").asText())) {
                return cluster.path("services").get(0).path("instances").get(0).path("urlPath").asText();
            }
            assertTrue(System.nanoTime() < deadline, "cluster " + name + " did not become created: " + reply.body());
            server.server().component().reconciler().wake();
            Thread.sleep(100);
        }
    }

    private static List<String> names(Reply listed) {
        List<String> names = new ArrayList<>();
        listed.body().path("aaclusters").forEach(cluster -> names.add(cluster.path("name").asText()));
        return names;
    }

    private HttpResponse<String> get(String path) throws IOException, InterruptedException {
        return HTTP.send(HttpRequest.newBuilder(URI.create(server.baseUrl() + path + "/tree"))
                .timeout(Duration.ofSeconds(10)).GET().build(), HttpResponse.BodyHandlers.ofString());
    }
}

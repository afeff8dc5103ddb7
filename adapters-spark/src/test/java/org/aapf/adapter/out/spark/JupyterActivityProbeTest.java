package org.aapf.adapter.out.spark;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.aapf.application.port.out.Endpoint;
import org.aapf.application.port.out.NotebookActivityProbe.NotebookActivity;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The probe against a loopback server answering as Jupyter Notebook 6.4 answered in a real container. */
class JupyterActivityProbeTest {

    private static final String BASE = "/proxy/abc/jupyter";
    private static final String TOKEN = "0123456789abcdef";
    private static final String STATUS = """
            {"connections": 1, "kernels": 1, "last_activity": "2026-12-04T10:00:00.000000Z",
             "started": "2026-12-04T09:00:00.000000Z"}""";

    private final JupyterActivityProbe probe = new JupyterActivityProbe(Duration.ofSeconds(2));
    private final Map<String, String> answers = new ConcurrentHashMap<>();
    private final Map<String, String> queries = new ConcurrentHashMap<>();
    private HttpServer server;
    private Endpoint notebook;

    @BeforeEach
    void start() throws IOException {
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.createContext(BASE + "/api/", exchange -> {
            String path = exchange.getRequestURI().getPath().substring(BASE.length());
            queries.put(path, String.valueOf(exchange.getRequestURI().getQuery()));
            String body = ("token " + TOKEN).equals(exchange.getRequestHeaders().getFirst("Authorization"))
                    ? answers.get(path) : null;
            byte[] bytes = (body == null ? "{}" : body).getBytes(StandardCharsets.UTF_8);
            exchange.sendResponseHeaders(body == null ? 403 : 200, bytes.length);
            exchange.getResponseBody().write(bytes);
            exchange.close();
        });
        server.start();
        notebook = new Endpoint("127.0.0.1", server.getAddress().getPort());
        answers.put("/api/status", STATUS);
        answers.put("/api/terminals", "[]");
    }

    @AfterEach
    void stop() {
        server.stop(0);
    }

    @Test
    void aKernelRunningCode_isBusy_andTheLatestActivityOfAnyKindCounts() {
        answers.put("/api/kernels", kernels("busy", 1, "2026-12-04T10:05:00.000000Z"));
        answers.put("/api/terminals", """
                [{"name": "1", "last_activity": "2026-12-04T10:07:00.000000Z"}]""");

        NotebookActivity activity = probe.probe(notebook, BASE, TOKEN).orElseThrow();

        assertTrue(activity.busy());
        assertEquals(Optional.of(Instant.parse("2026-12-04T10:07:00Z")), activity.lastActivity());
        assertEquals("no_track_activity=1", queries.get("/api/kernels"), "asking must not count as activity");
    }

    @Test
    void anIdleKernel_isNotBusy_evenWithABrowserConnected() {
        answers.put("/api/kernels", kernels("idle", 1, "2026-12-04T09:30:00.000000Z"));

        NotebookActivity activity = probe.probe(notebook, BASE, TOKEN).orElseThrow();

        assertFalse(activity.busy());
        assertEquals(Optional.of(Instant.parse("2026-12-04T10:00:00Z")), activity.lastActivity());
    }

    @Test
    void aKernelReportedStartingWhileAClientIsConnected_isBusy() {
        // Notebook 6.4 sometimes reports a running kernel like this for good: it may be running the user's code
        answers.put("/api/kernels", kernels("starting", 1, "2026-12-04T09:00:01.000000Z"));

        assertTrue(probe.probe(notebook, BASE, TOKEN).orElseThrow().busy());
    }

    @Test
    void aKernelReportedStartingWithNobodyConnected_isNot() {
        answers.put("/api/kernels", kernels("starting", 0, "2026-12-04T09:00:01.000000Z"));

        assertFalse(probe.probe(notebook, BASE, TOKEN).orElseThrow().busy());
    }

    @Test
    void aNotebookThatCannotBeAsked_isUnknown() {
        answers.put("/api/kernels", kernels("busy", 1, "2026-12-04T10:05:00.000000Z"));

        assertEquals(Optional.empty(), probe.probe(notebook, BASE, "wrong-token"));
        answers.remove("/api/status");
        queries.clear();
        assertEquals(Optional.empty(), probe.probe(notebook, BASE, TOKEN));
        assertEquals(Set.of("/api/status"), queries.keySet(), "a notebook that did not answer is not asked again");
    }

    private static String kernels(String state, int connections, String lastActivity) {
        return """
                [{"id": "5d4e6f0a-1b2c-4d3e-8f9a-0b1c2d3e4f5a", "name": "python3", "last_activity": "%s",
                  "execution_state": "%s", "connections": %d}]""".formatted(lastActivity, state, connections);
    }
}

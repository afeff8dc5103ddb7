package org.aapf.adapter.in.http.gateway;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.WebSocket;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** A real Jupyter Notebook used through the proxy: token enforcement, a kernel execution, a 10 MiB round trip. */
class GatewayJupyterIT {

    private static final ObjectMapper JSON = new ObjectMapper();

    private static JupyterProcess jupyter;
    private static ProxyHarness proxy;
    private static final HttpClient CLIENT = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();

    @BeforeAll
    static void start() throws Exception {
        jupyter = new JupyterProcess();
        proxy = new ProxyHarness(new ProxySettings(Duration.ofSeconds(5), Duration.ofSeconds(60), Set.of()));
        proxy.routes.ready(jupyter.proxyId, jupyter.port);
    }

    @AfterAll
    static void stop() throws Exception {
        if (proxy != null) {
            proxy.close();
        }
        if (jupyter != null) {
            jupyter.close();
        }
        CLIENT.shutdownNow();
    }

    @Test
    void notebookKeepsEnforcingItsToken() throws Exception {
        assertEquals(200, get("/api/status?token=" + jupyter.token).statusCode());
        assertEquals(403, get("/api/status").statusCode());
    }

    @Test
    void executesCodeInAKernelOverTheProxiedWebSocket() throws Exception {
        HttpResponse<String> created = CLIENT.send(request("/api/kernels?token=" + jupyter.token)
                        .header("Origin", proxy.origin())
                        .POST(HttpRequest.BodyPublishers.ofString("{\"name\":\"python3\"}")).build(),
                HttpResponse.BodyHandlers.ofString());
        assertEquals(201, created.statusCode(), created.body());
        String kernelId = JSON.readTree(created.body()).get("id").asText();

        Messages messages = new Messages();
        WebSocket socket = CLIENT.newWebSocketBuilder().header("Origin", proxy.origin())
                .buildAsync(proxy.ws(jupyter.urlPath() + "/api/kernels/" + kernelId + "/channels?token="
                        + jupyter.token), messages)
                .get(30, TimeUnit.SECONDS);
        socket.sendText(JSON.writeValueAsString(executeRequest("print(6*7)")), true).join();

        assertEquals("42\n", messages.awaitStreamText(Duration.ofSeconds(60)));
        socket.sendClose(WebSocket.NORMAL_CLOSURE, "done").join();
        assertEquals(204, CLIENT.send(request("/api/kernels/" + kernelId + "?token=" + jupyter.token)
                .DELETE().build(), HttpResponse.BodyHandlers.discarding()).statusCode());
    }

    @Test
    void uploadsAndDownloadsA10MiBFileByteIdentical() throws Exception {
        byte[] content = new byte[10 * 1024 * 1024];
        new Random(42).nextBytes(content);
        String model = JSON.writeValueAsString(Map.of("type", "file", "format", "base64",
                "content", Base64.getEncoder().encodeToString(content)));

        HttpResponse<String> saved = CLIENT.send(request("/api/contents/big.bin?token=" + jupyter.token)
                .PUT(HttpRequest.BodyPublishers.ofString(model)).build(), HttpResponse.BodyHandlers.ofString());
        HttpResponse<byte[]> downloaded = CLIENT.send(request("/files/big.bin?token=" + jupyter.token).build(),
                HttpResponse.BodyHandlers.ofByteArray());

        assertTrue(saved.statusCode() == 200 || saved.statusCode() == 201, saved.statusCode() + " " + saved.body());
        assertEquals(200, downloaded.statusCode());
        assertArrayEquals(content, downloaded.body());
    }

    private static HttpRequest.Builder request(String pathAndQuery) {
        return HttpRequest.newBuilder(proxy.http(jupyter.urlPath() + pathAndQuery)).timeout(Duration.ofSeconds(60));
    }

    private static HttpResponse<String> get(String pathAndQuery) throws Exception {
        return CLIENT.send(request(pathAndQuery).build(), HttpResponse.BodyHandlers.ofString());
    }

    private static Map<String, Object> executeRequest(String code) {
        String session = UUID.randomUUID().toString();
        return Map.of(
                "header", Map.of("msg_id", UUID.randomUUID().toString(), "username", "aapf-it", "session", session,
                        "msg_type", "execute_request", "version", "5.3", "date", Instant.now().toString()),
                "parent_header", Map.of(),
                "metadata", Map.of(),
                "content", Map.of("code", code, "silent", false, "store_history", true,
                        "user_expressions", Map.of(), "allow_stdin", false, "stop_on_error", true),
                "channel", "shell",
                "buffers", java.util.List.of());
    }

    /** Collects the kernel's JSON messages (text frames). */
    private static final class Messages implements WebSocket.Listener {
        private final LinkedBlockingQueue<String> received = new LinkedBlockingQueue<>();
        private final StringBuilder partial = new StringBuilder();

        @Override
        public CompletionStage<?> onText(WebSocket webSocket, CharSequence data, boolean last) {
            partial.append(data);
            if (last) {
                received.add(partial.toString());
                partial.setLength(0);
            }
            webSocket.request(1);
            return null;
        }

        String awaitStreamText(Duration timeout) throws Exception {
            Instant deadline = Instant.now().plus(timeout);
            while (Instant.now().isBefore(deadline)) {
                String message = received.poll(1, TimeUnit.SECONDS);
                if (message == null) {
                    continue;
                }
                JsonNode node = JSON.readTree(message);
                if ("stream".equals(node.path("msg_type").asText())) {
                    return node.path("content").path("text").asText();
                }
            }
            throw new AssertionError("no stream message within " + timeout);
        }
    }
}

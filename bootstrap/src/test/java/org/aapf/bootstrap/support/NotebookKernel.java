package org.aapf.bootstrap.support;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.WebSocket;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.TimeUnit;

/**
 * A Jupyter kernel driven through the AAPF proxy only, as a user's browser would: started over Jupyter's REST API,
 * code sent as an {@code execute_request} over the kernel's WebSocket.
 */
public final class NotebookKernel implements AutoCloseable {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final HttpClient CLIENT = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();

    private final WebSocket socket;

    private NotebookKernel(WebSocket socket) {
        this.socket = socket;
    }

    /** Starts a python3 kernel in the notebook at {@code baseUrl + urlPath} and opens its channels. */
    public static NotebookKernel start(String baseUrl, String urlPath, String token) throws Exception {
        String notebook = baseUrl + urlPath;
        HttpResponse<String> created = CLIENT.send(HttpRequest.newBuilder(URI.create(notebook + "/api/kernels"))
                .timeout(Duration.ofSeconds(60)).header("Authorization", "token " + token)
                .POST(HttpRequest.BodyPublishers.ofString("{\"name\":\"python3\"}")).build(),
                HttpResponse.BodyHandlers.ofString());
        if (created.statusCode() != 201) {
            throw new IllegalStateException("kernel not started: " + created.statusCode() + " " + created.body());
        }
        String kernel = JSON.readTree(created.body()).path("id").asText();
        URI channels = URI.create(notebook.replaceFirst("^http", "ws") + "/api/kernels/" + kernel
                + "/channels?token=" + token);
        WebSocket socket = CLIENT.newWebSocketBuilder().buildAsync(channels, new WebSocket.Listener() {
            @Override
            public CompletionStage<?> onText(WebSocket webSocket, CharSequence data, boolean last) {
                webSocket.request(1);
                return null;
            }
        }).get(30, TimeUnit.SECONDS);
        return new NotebookKernel(socket);
    }

    /** Sends {@code code} for execution (Jupyter messaging protocol 5.3) and returns at once. */
    public void execute(String code) throws IOException {
        Map<String, Object> message = Map.of(
                "header", Map.of("msg_id", UUID.randomUUID().toString(), "username", "aapf-test",
                        "session", UUID.randomUUID().toString(), "msg_type", "execute_request", "version", "5.3",
                        "date", Instant.now().toString()),
                "parent_header", Map.of(), "metadata", Map.of(), "channel", "shell", "buffers", java.util.List.of(),
                "content", Map.of("code", code, "silent", false, "store_history", true,
                        "user_expressions", Map.of(), "allow_stdin", false, "stop_on_error", true));
        socket.sendText(JSON.writeValueAsString(message), true).join();
    }

    @Override
    public void close() {
        socket.sendClose(WebSocket.NORMAL_CLOSURE, "done").exceptionally(e -> null).join();
    }
}

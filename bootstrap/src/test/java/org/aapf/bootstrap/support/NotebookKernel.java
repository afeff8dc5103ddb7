package org.aapf.bootstrap.support;

import com.fasterxml.jackson.databind.JsonNode;
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
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * A Jupyter kernel driven through the AAPF proxy only, as a user's browser would: started over Jupyter's REST API,
 * code sent as an {@code execute_request} over the kernel's WebSocket.
 */
public final class NotebookKernel implements AutoCloseable {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final HttpClient CLIENT = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();

    /** How long to wait for the kernel to report that it runs the code sent. */
    private static final Duration BUSY_WITHIN = Duration.ofSeconds(10);
    private static final int ATTEMPTS = 4;

    /** How long the notebook server may take to report a kernel busy in its REST API once the kernel said so. */
    private static final Duration REPORTED_WITHIN = Duration.ofSeconds(5);

    private final URI kernel;
    private final String token;
    private final WebSocket socket;
    private final Messages messages;

    private NotebookKernel(URI kernel, String token, WebSocket socket, Messages messages) {
        this.kernel = kernel;
        this.token = token;
        this.socket = socket;
        this.messages = messages;
    }

    /**
     * Starts a kernel that runs {@code code} and that the notebook server reports busy in its REST API
     * ({@code /api/kernels}, which AAPF's idle shutdown reads). Jupyter Notebook 6.4 (Debian's, in the test image)
     * sometimes misses every status message of a kernel it starts: the kernel runs the code, yet the server reports
     * it {@code starting} for good. Such a kernel, one whose request was dropped, or one whose channels the server
     * closed, is shut down and another one started, so that a test relying on a busy kernel tests AAPF, not that notebook server.
     */
    public static NotebookKernel startRunning(String baseUrl, String urlPath, String token, String code)
            throws Exception {
        for (int attempt = 1; attempt <= ATTEMPTS; attempt++) {
            NotebookKernel started = start(baseUrl, urlPath, token);
            try {
                started.execute(code);
                if (started.reportedBusyWithin(REPORTED_WITHIN)) {
                    return started;
                }
            } catch (TimeoutException | CompletionException dropped) {
                // the request never reached the kernel, or the notebook server closed the kernel's channels at once
                // (a 101 lasting 1.5 s in a full run): another kernel gets it
            }
            started.shutDown();
        }
        throw new IllegalStateException("the notebook server never reported a kernel busy, in " + ATTEMPTS
                + " kernels");
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
        Messages messages = new Messages();
        WebSocket socket = CLIENT.newWebSocketBuilder().buildAsync(channels, messages).get(30, TimeUnit.SECONDS);
        return new NotebookKernel(URI.create(notebook + "/api/kernels/" + kernel), token, socket, messages);
    }

    /** Whether the notebook server's REST API reports this kernel busy within {@code limit}. */
    private boolean reportedBusyWithin(Duration limit) throws Exception {
        long deadline = System.nanoTime() + limit.toNanos();
        do {
            HttpResponse<String> model = CLIENT.send(HttpRequest.newBuilder(URI.create(kernel + "?no_track_activity=1"))
                    .timeout(Duration.ofSeconds(10)).header("Authorization", "token " + token).GET().build(),
                    HttpResponse.BodyHandlers.ofString());
            if (model.statusCode() == 200
                    && "busy".equals(JSON.readTree(model.body()).path("execution_state").asText())) {
                return true;
            }
            Thread.sleep(250);
        } while (System.nanoTime() < deadline);
        return false;
    }

    /** Closes the channels and deletes the kernel. */
    private void shutDown() throws Exception {
        close();
        CLIENT.send(HttpRequest.newBuilder(kernel).timeout(Duration.ofSeconds(30))
                .header("Authorization", "token " + token).DELETE().build(), HttpResponse.BodyHandlers.discarding());
    }

    /**
     * Sends {@code code} for execution (Jupyter messaging protocol 5.3) and returns once the kernel reports that it
     * runs it (its {@code busy} status for this request), without waiting for the end.
     *
     * @throws TimeoutException when no such report came within {@link #BUSY_WITHIN} (the notebook server can drop a
     *     request sent before the kernel's channels are connected)
     */
    public void execute(String code) throws Exception {
        String id = UUID.randomUUID().toString();
        CompletableFuture<Void> busy = messages.busyFor(id);
        send(id, code);
        busy.get(BUSY_WITHIN.toMillis(), TimeUnit.MILLISECONDS);
    }

    private void send(String id, String code) throws IOException {
        Map<String, Object> message = Map.of(
                "header", Map.of("msg_id", id, "username", "aapf-test",
                        "session", UUID.randomUUID().toString(), "msg_type", "execute_request", "version", "5.3",
                        "date", Instant.now().toString()),
                "parent_header", Map.of(), "metadata", Map.of(), "channel", "shell", "buffers", java.util.List.of(),
                "content", Map.of("code", code, "silent", false, "store_history", true,
                        "user_expressions", Map.of(), "allow_stdin", false, "stop_on_error", true));
        socket.sendText(JSON.writeValueAsString(message), true).join();
    }

    /** Reads the kernel's messages, and completes the wait of a request whose {@code busy} status arrives. */
    private static final class Messages implements WebSocket.Listener {

        private final Map<String, CompletableFuture<Void>> busy = new ConcurrentHashMap<>();
        private final StringBuilder partial = new StringBuilder();

        CompletableFuture<Void> busyFor(String id) {
            return busy.computeIfAbsent(id, key -> new CompletableFuture<>());
        }

        @Override
        public CompletionStage<?> onText(WebSocket webSocket, CharSequence data, boolean last) {
            partial.append(data);
            if (last) {
                String text = partial.toString();
                partial.setLength(0);
                try {
                    JsonNode message = JSON.readTree(text);
                    if ("status".equals(message.path("header").path("msg_type").asText())
                            && "busy".equals(message.path("content").path("execution_state").asText())) {
                        CompletableFuture<Void> waiting = busy.get(message.path("parent_header").path("msg_id")
                                .asText());
                        if (waiting != null) {
                            waiting.complete(null);
                        }
                    }
                } catch (IOException notJson) {
                    // the kernel's channels carry JSON only; anything else is none of the waits' business
                }
            }
            webSocket.request(1);
            return null;
        }
    }

    @Override
    public void close() {
        socket.sendClose(WebSocket.NORMAL_CLOSURE, "done").exceptionally(e -> null).join();
    }
}

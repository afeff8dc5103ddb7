package org.aapf.bootstrap.support;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Duration;
import java.util.UUID;
import java.util.function.Supplier;
import org.aapf.bootstrap.support.Api.Reply;

/**
 * Writes and reads files of one notebook through AAPF's proxy with Jupyter's contents API, as a user's browser does.
 * Requests are repeated while the proxy answers that the notebook is not serving yet (502, 503): after a replacement
 * the database learns moments later that the new notebook is ready.
 */
public final class NotebookFiles {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Duration SERVED = Duration.ofMinutes(3);

    private final Supplier<Api> api;
    private final String urlPath;
    private final String jupyterToken;

    /** @param api the current server's API (a restarted server has a new one) */
    public NotebookFiles(Supplier<Api> api, String urlPath, String jupyterToken) {
        this.api = api;
        this.urlPath = urlPath;
        this.jupyterToken = jupyterToken;
    }

    /** Writes a text file no other step uses; returns its content. */
    public String write(String name) throws InterruptedException {
        String content = "kept by " + name + " " + UUID.randomUUID() + "\nline two ✓\n";
        ObjectNode body = JSON.createObjectNode().put("type", "file").put("format", "text").put("content", content);
        Reply reply = untilServed(() -> api.get().put(path(name) + "?token=" + jupyterToken, null, body.toString()));
        assertTrue(reply.status() == 200 || reply.status() == 201, reply.raw().body());
        return content;
    }

    public String read(String name) throws InterruptedException {
        Reply reply = untilServed(() -> api.get().get(path(name) + "?content=1&format=text&type=file&token="
                + jupyterToken, null));
        assertEquals(200, reply.status(), reply.raw().body());
        return reply.body().path("content").asText();
    }

    /** The answer of the notebook's {@code urlPath} for this file, without waiting (e.g. 503 while stopped). */
    public Reply readOnce(String name) {
        return api.get().get(path(name) + "?token=" + jupyterToken, null);
    }

    private String path(String name) {
        return urlPath + "/api/contents/" + name;
    }

    private static Reply untilServed(Supplier<Reply> request) throws InterruptedException {
        long deadline = System.nanoTime() + SERVED.toNanos();
        Reply reply = request.get();
        while ((reply.status() == 502 || reply.status() == 503) && System.nanoTime() < deadline) {
            Thread.sleep(500);
            reply = request.get();
        }
        return reply;
    }
}

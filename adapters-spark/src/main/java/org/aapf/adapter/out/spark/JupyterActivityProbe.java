package org.aapf.adapter.out.spark;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.NullNode;
import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.Optional;
import org.aapf.application.port.out.Endpoint;
import org.aapf.application.port.out.NotebookActivityProbe;

/**
 * Reads a Jupyter server's activity over plain HTTP at the endpoint the backend resolved (any backend's endpoints
 * work): {@code /api/status} (its {@code last_activity} covers API requests, kernels and terminals, and reading it
 * counts as none), and {@code /api/kernels} and {@code /api/terminals} with {@code no_track_activity}, so that
 * asking does not look like a user.
 *
 * <p>A kernel counts as busy when the server says {@code busy}, and also when it says {@code starting} while a client
 * is connected to it: Jupyter Notebook 6.4 sometimes misses every status message of a kernel it started and reports
 * it {@code starting}, with its {@code last_activity} frozen, for as long as it lives, even while it runs a user's
 * code. Stopping such a notebook could end a computation; not stopping it costs only its resources while a browser
 * keeps it open.
 */
public final class JupyterActivityProbe implements NotebookActivityProbe {

    private final JsonOverHttp http;

    public JupyterActivityProbe(Duration timeout) {
        this.http = new JsonOverHttp(timeout);
    }

    @Override
    public Optional<NotebookActivity> probe(Endpoint notebook, String basePath, String token) {
        String base = "http://" + notebook.host() + ":" + notebook.port() + basePath;
        Optional<JsonNode> status = get(base + "/api/status", token);
        if (status.isEmpty()) {
            return Optional.empty(); // not asked again: a notebook that does not answer costs the sweep one timeout
        }
        Optional<JsonNode> kernels = get(base + "/api/kernels?no_track_activity=1", token);
        if (kernels.isEmpty()) {
            return Optional.empty();
        }
        Optional<Instant> last = latest(Optional.empty(), status.get().path("last_activity"));
        boolean busy = false;
        for (JsonNode kernel : kernels.get()) {
            busy |= isBusy(kernel);
            last = latest(last, kernel.path("last_activity"));
        }
        JsonNode terminals = get(base + "/api/terminals?no_track_activity=1", token).orElse(NullNode.getInstance());
        for (JsonNode terminal : terminals) {
            last = latest(last, terminal.path("last_activity"));
        }
        return Optional.of(new NotebookActivity(busy, last));
    }

    private static boolean isBusy(JsonNode kernel) {
        String state = kernel.path("execution_state").asText();
        return "busy".equals(state) || "starting".equals(state) && kernel.path("connections").asInt(0) > 0;
    }

    static Optional<Instant> latest(Optional<Instant> known, JsonNode time) {
        if (!time.isTextual()) {
            return known;
        }
        try {
            Instant at = OffsetDateTime.parse(time.asText()).toInstant();
            return known.filter(k -> k.isAfter(at)).or(() -> Optional.of(at));
        } catch (DateTimeParseException e) {
            return known;
        }
    }

    private Optional<JsonNode> get(String url, String token) {
        return http.get(URI.create(url), Optional.of("token " + token));
    }
}

package org.aapf.adapter.out.spark;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.Objects;
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

    private static final System.Logger LOG = System.getLogger(JupyterActivityProbe.class.getName());
    private static final ObjectMapper MAPPER = new ObjectMapper();
    private static final int MAX_BODY_BYTES = 4 * 1024 * 1024;

    private final HttpClient client;
    private final Duration timeout;

    public JupyterActivityProbe(Duration timeout) {
        this.timeout = Objects.requireNonNull(timeout, "'timeout' must not be null");
        this.client = HttpClient.newBuilder()
                .version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(timeout)
                .proxy(HttpClient.Builder.NO_PROXY)
                .followRedirects(HttpClient.Redirect.NEVER)
                .build();
    }

    @Override
    public Optional<NotebookActivity> probe(Endpoint notebook, String basePath, String token) {
        String base = "http://" + notebook.host() + ":" + notebook.port() + basePath;
        Optional<JsonNode> status = get(base + "/api/status", token);
        Optional<JsonNode> kernels = get(base + "/api/kernels?no_track_activity=1", token);
        if (status.isEmpty() || kernels.isEmpty()) {
            return Optional.empty();
        }
        Optional<Instant> last = latest(Optional.empty(), status.get().path("last_activity"));
        boolean busy = false;
        for (JsonNode kernel : kernels.get()) {
            busy |= isBusy(kernel);
            last = latest(last, kernel.path("last_activity"));
        }
        for (JsonNode terminal : get(base + "/api/terminals?no_track_activity=1", token).orElse(MAPPER.nullNode())) {
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
        HttpRequest request = HttpRequest.newBuilder(URI.create(url)).timeout(timeout)
                .header("Authorization", "token " + token).GET().build();
        try {
            HttpResponse<byte[]> response = client.send(request, HttpResponse.BodyHandlers.ofByteArray());
            if (response.statusCode() != 200 || response.body().length > MAX_BODY_BYTES) {
                return Optional.empty();
            }
            return Optional.of(MAPPER.readTree(response.body()));
        } catch (IOException e) {
            LOG.log(System.Logger.Level.DEBUG, "Notebook at " + URI.create(url).getPath() + " cannot be asked: " + e);
            return Optional.empty();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return Optional.empty();
        }
    }
}

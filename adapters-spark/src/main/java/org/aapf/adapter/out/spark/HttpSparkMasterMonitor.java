package org.aapf.adapter.out.spark;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.HashSet;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import org.aapf.application.port.out.Endpoint;
import org.aapf.application.port.out.SparkMasterMonitor;

/**
 * Reads a Spark master's {@code GET /json/} (its web UI's state: {@code workers[].host}, {@code workers[].state},
 * {@code activeapps[]})
 * over plain HTTP at the endpoint the backend resolved; any backend's endpoints work, not only Docker's.
 */
public final class HttpSparkMasterMonitor implements SparkMasterMonitor {

    private static final System.Logger LOG = System.getLogger(HttpSparkMasterMonitor.class.getName());
    private static final ObjectMapper MAPPER = new ObjectMapper();
    private static final int MAX_BODY_BYTES = 4 * 1024 * 1024;

    private final HttpClient client;
    private final Duration timeout;

    public HttpSparkMasterMonitor(Duration timeout) {
        this.timeout = Objects.requireNonNull(timeout, "'timeout' must not be null");
        this.client = HttpClient.newBuilder()
                .version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(timeout)
                .proxy(HttpClient.Builder.NO_PROXY)
                .followRedirects(HttpClient.Redirect.NEVER)
                .build();
    }

    @Override
    public Optional<Set<String>> aliveWorkerHosts(Endpoint masterUi) {
        return state(masterUi).map(HttpSparkMasterMonitor::aliveHosts);
    }

    @Override
    public Optional<Integer> runningApplications(Endpoint masterUi) {
        return state(masterUi).filter(state -> state.path("activeapps").isArray())
                .map(state -> state.path("activeapps").size());
    }

    private Optional<JsonNode> state(Endpoint masterUi) {
        URI uri = URI.create("http://" + masterUi.host() + ":" + masterUi.port() + "/json/");
        HttpRequest request = HttpRequest.newBuilder(uri).timeout(timeout).GET().build();
        try {
            HttpResponse<byte[]> response = client.send(request, HttpResponse.BodyHandlers.ofByteArray());
            if (response.statusCode() != 200 || response.body().length > MAX_BODY_BYTES) {
                return Optional.empty();
            }
            return Optional.of(MAPPER.readTree(response.body()));
        } catch (IOException e) {
            LOG.log(System.Logger.Level.DEBUG, "Spark master at " + uri + " cannot be asked: " + e);
            return Optional.empty();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return Optional.empty();
        }
    }

    static Set<String> aliveHosts(JsonNode state) {
        Set<String> hosts = new HashSet<>();
        for (JsonNode worker : state.path("workers")) {
            if ("ALIVE".equals(worker.path("state").asText())) {
                hosts.add(worker.path("host").asText());
            }
        }
        return Set.copyOf(hosts);
    }
}

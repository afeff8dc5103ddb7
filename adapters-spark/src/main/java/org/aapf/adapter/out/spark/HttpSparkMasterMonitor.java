package org.aapf.adapter.out.spark;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.URI;
import java.time.Duration;
import java.util.HashSet;
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

    private final JsonOverHttp http;

    public HttpSparkMasterMonitor(Duration timeout) {
        this.http = new JsonOverHttp(timeout);
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
        return http.get(URI.create("http://" + masterUi.host() + ":" + masterUi.port() + "/json/"), Optional.empty());
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

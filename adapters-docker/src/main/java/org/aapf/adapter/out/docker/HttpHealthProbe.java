package org.aapf.adapter.out.docker;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.aapf.application.port.out.Endpoint;

/**
 * Asks an instance's health path over HTTP from the AAPF server itself; images need no curl for a Docker
 * HEALTHCHECK, and the probe reaches only the endpoint the backend resolved (loopback by default). The user whose
 * instance it is controls what answers there, so the whole exchange, body included, ends within the timeout (the
 * JDK client's request timeout ends at the response's head): an answer that drips costs the reconciler one timeout
 * and counts as unhealthy.
 */
final class HttpHealthProbe {

    private final HttpClient client;
    private final Duration timeout;

    HttpHealthProbe(Duration timeout) {
        this.timeout = Objects.requireNonNull(timeout, "'timeout' must not be null");
        this.client = HttpClient.newBuilder()
                .version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(timeout)
                .proxy(HttpClient.Builder.NO_PROXY)
                .followRedirects(HttpClient.Redirect.NEVER)
                .build();
    }

    /** True when {@code GET http://<endpoint><path>} answers 2xx, body and all, within the timeout. */
    boolean isHealthy(Endpoint endpoint, String path) {
        return check(endpoint, path).join();
    }

    /** {@link #isHealthy} without waiting: completes with the answer, by the timeout at the latest. */
    CompletableFuture<Boolean> check(Endpoint endpoint, String path) {
        URI uri = URI.create("http://" + endpoint.host() + ":" + endpoint.port() + path);
        HttpRequest request = HttpRequest.newBuilder(uri).timeout(timeout).GET().build();
        CompletableFuture<HttpResponse<Void>> exchange = client.sendAsync(request,
                HttpResponse.BodyHandlers.discarding());
        return exchange.copy().orTimeout(timeout.toMillis(), TimeUnit.MILLISECONDS).handle((response, failure) -> {
            if (failure != null) {
                exchange.cancel(true);
                return false;
            }
            return response.statusCode() >= 200 && response.statusCode() < 300;
        });
    }
}

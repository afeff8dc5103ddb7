package org.aapf.adapter.out.docker;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Objects;
import org.aapf.application.port.out.Endpoint;

/**
 * Asks an instance's health path over HTTP from the AAPF server itself; images need no curl for a Docker
 * HEALTHCHECK, and the probe reaches only the endpoint the backend resolved (loopback by default).
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

    /** True when {@code GET http://<endpoint><path>} answers 2xx within the timeout. */
    boolean isHealthy(Endpoint endpoint, String path) {
        URI uri = URI.create("http://" + endpoint.host() + ":" + endpoint.port() + path);
        HttpRequest request = HttpRequest.newBuilder(uri).timeout(timeout).GET().build();
        try {
            int status = client.send(request, HttpResponse.BodyHandlers.discarding()).statusCode();
            return status >= 200 && status < 300;
        } catch (IOException e) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }
}

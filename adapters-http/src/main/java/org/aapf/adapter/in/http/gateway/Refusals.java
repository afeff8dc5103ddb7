package org.aapf.adapter.in.http.gateway;

import java.util.Map;
import java.util.function.BiConsumer;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.helidon.http.HeaderNames;
import io.helidon.http.Status;
import io.helidon.webserver.http.ServerResponse;

/**
 * Writes a {@link ProxyRefusal} as the API's error body, {@code {"message": ...}}, with the same headers on Helidon's
 * path ({@link #send}) and the front listener's ({@link #headers}, {@link #body}).
 */
final class Refusals {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String RETRY_AFTER_SECONDS = "5";

    private Refusals() {
    }

    static void send(ServerResponse response, ProxyRefusal refusal) {
        response.status(Status.create(refusal.status()));
        headers(refusal, (name, value) -> response.header(HeaderNames.create(name), value));
        response.send(body(refusal.getMessage()));
    }

    /** Sends the browser to {@code location} (a notebook's own origin) with 307, never cached. */
    static void redirect(ServerResponse response, String location) {
        response.status(Status.TEMPORARY_REDIRECT_307);
        response.header(HeaderNames.LOCATION, location);
        response.header(HeaderNames.CACHE_CONTROL, "no-store");
        response.send();
    }

    /** The refusal's headers but its length: JSON, never cached, and when to retry a 503. */
    static void headers(ProxyRefusal refusal, BiConsumer<String, String> header) {
        header.accept("Content-Type", "application/json");
        header.accept("Cache-Control", "no-store");
        if (refusal.status() == 503) {
            header.accept("Retry-After", RETRY_AFTER_SECONDS);
        }
    }

    static byte[] body(String message) {
        try {
            return JSON.writeValueAsBytes(Map.of("message", message));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot write a JSON string", e);
        }
    }
}

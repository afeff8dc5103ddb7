package org.aapf.adapter.in.http.proxy;

import java.util.Map;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.helidon.http.HeaderNames;
import io.helidon.http.Status;
import io.helidon.webserver.http.ServerResponse;

/** Writes a {@link ProxyRefusal} as the API's error body, {@code {"message": ...}}. */
final class Refusals {

    private static final ObjectMapper JSON = new ObjectMapper();
    static final String RETRY_AFTER_SECONDS = "5";

    private Refusals() {
    }

    static void send(ServerResponse response, ProxyRefusal refusal) {
        response.status(Status.create(refusal.status()));
        response.header(HeaderNames.CONTENT_TYPE, "application/json");
        response.header(HeaderNames.CACHE_CONTROL, "no-store");
        if (refusal.status() == 503) {
            response.header(HeaderNames.RETRY_AFTER, RETRY_AFTER_SECONDS);
        }
        response.send(body(refusal.getMessage()));
    }

    static byte[] body(String message) {
        try {
            return JSON.writeValueAsBytes(Map.of("message", message));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot write a JSON string", e);
        }
    }
}

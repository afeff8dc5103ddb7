package org.aapf.adapter.in.http.gateway;

import java.util.Map;
import java.util.function.BiConsumer;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * Writes a {@link ProxyRefusal} as the API's error body, {@code {"message": ...}}: its headers
 * ({@link #headers}) and body ({@link #body}).
 */
final class Refusals {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String RETRY_AFTER_SECONDS = "5";

    private Refusals() {
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

package org.aapf.adapter.in.http;

import io.helidon.http.DirectHandler;
import io.helidon.http.HeaderValues;
import io.helidon.http.ServerResponseHeaders;
import io.helidon.http.Status;
import com.fasterxml.jackson.core.JsonProcessingException;

/**
 * Answers requests Helidon refuses before routing (a malformed request line, header or percent-encoding) with the
 * same {@code {"message": "..."}} JSON as every other error; Helidon's own wording is not passed on.
 */
final class JsonDirectHandler implements DirectHandler {

    @Override
    public TransportResponse handle(TransportRequest request, EventType eventType, Status status,
            ServerResponseHeaders headers, String message) {
        headers.set(HeaderValues.CONTENT_TYPE_JSON);
        headers.set(Json.NO_STORE);
        return TransportResponse.builder()
                .status(status)
                .headers(headers)
                .keepAlive(eventType.keepAlive())
                .entity(body(status))
                .build();
    }

    private static byte[] body(Status status) {
        String message = status.code() >= 500 ? ErrorHandling.INTERNAL_ERROR : status.reasonPhrase() + ".";
        try {
            return Json.MAPPER.writeValueAsBytes(new Message(message));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot write an error message as JSON", e);
        }
    }
}

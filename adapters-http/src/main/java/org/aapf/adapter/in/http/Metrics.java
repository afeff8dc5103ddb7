package org.aapf.adapter.in.http;

import java.time.Duration;

/**
 * What the HTTP adapter reports to its operators' monitoring: answered requests and notebook traffic. The adapter's
 * own interface, so that it depends on no outbound port of the application; the wiring connects it to the same
 * registry as the application's {@code Metrics}. Implementations must be cheap, thread-safe and never throw; every
 * method does nothing by default ({@link #none()}).
 */
public interface Metrics {

    /** Which way proxied bytes went. */
    enum Direction { TO_NOTEBOOK, FROM_NOTEBOOK }

    /** An HTTP request was answered; {@code route} is the matched route template, never the raw path. */
    default void httpRequest(String method, String route, int status, Duration took) {
    }

    /** Bytes went through the notebook proxy (HTTP bodies and WebSocket frames). */
    default void proxied(Direction direction, long bytes) {
    }

    /** A proxied WebSocket opened ({@code +1}) or closed ({@code -1}). */
    default void webSockets(int change) {
    }

    /** Monitoring that records nothing. */
    static Metrics none() {
        return new Metrics() {
        };
    }
}

package org.aapf.adapter.in.http;

import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.Objects;

/**
 * Operator settings of the HTTP API.
 *
 * @param maxBodyBytes      largest request body accepted under {@code /api/v1}; larger ones are answered with 413
 * @param zone              time zone in which timestamps are written
 * @param trustForwardedFor use the last hop of {@code X-Forwarded-For} as the client address (only behind a proxy
 *                          that sets it); otherwise the TCP peer address is used
 */
public record HttpSettings(long maxBodyBytes, ZoneId zone, boolean trustForwardedFor) {

    /** 1 MiB: far more than any API request needs, small enough to refuse abuse cheaply. */
    public static final long DEFAULT_MAX_BODY_BYTES = 1024 * 1024;

    public HttpSettings {
        if (maxBodyBytes <= 0) {
            throw new IllegalArgumentException("'maxBodyBytes' must be > 0");
        }
        Objects.requireNonNull(zone, "'zone' must not be null");
    }

    /** 1 MiB bodies, UTC timestamps, no trust in {@code X-Forwarded-For}. */
    public static HttpSettings defaults() {
        return new HttpSettings(DEFAULT_MAX_BODY_BYTES, ZoneOffset.UTC, false);
    }
}

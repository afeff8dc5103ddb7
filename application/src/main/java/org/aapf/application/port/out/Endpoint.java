package org.aapf.application.port.out;

import java.util.Objects;

/** A host and port the AAPF server can open TCP connections to (e.g. {@code 127.0.0.1:49153}). */
public record Endpoint(String host, int port) {

    public Endpoint {
        Objects.requireNonNull(host, "'host' must not be null");
        if (port < 1 || port > 65535) {
            throw new IllegalArgumentException("'port' must be 1-65535");
        }
    }
}

package org.aapf.bootstrap.wiring;

import java.util.Objects;
import java.util.Optional;
import org.aapf.application.port.out.ClusterBackend;

/**
 * A backend supplied by whoever builds the component (an embedder's own, or a benchmark's) instead of the configured
 * one; empty for the normal server.
 */
public record CustomBackend(Optional<ClusterBackend> backend) {

    public CustomBackend {
        Objects.requireNonNull(backend, "'backend' must not be null (use empty)");
    }

    public static CustomBackend none() {
        return new CustomBackend(Optional.empty());
    }
}

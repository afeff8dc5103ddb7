package org.aapf.embedded.wiring;

import java.util.Objects;
import org.aapf.application.port.out.ClusterBackend;

/** Which backend runs the clusters: one AAPF builds (and closes), or one the embedder built and keeps. */
public sealed interface BackendChoice {

    /** The {@code backend.type} of Docker containers ({@code DockerSettings}). */
    String DOCKER = "docker";
    /** The {@code backend.type} of Kubernetes pods ({@code KubernetesSettings}). */
    String KUBERNETES = "kubernetes";

    /**
     * A backend AAPF builds with the {@link BackendFactory} registered for {@code type}; the settings' own server id is
     * replaced by this AAPF's, so that the labels always match the id the rest of AAPF uses.
     *
     * @param settings that factory's settings, e.g. {@code DockerSettings} for {@link #DOCKER}
     */
    record Built(String type, Object settings) implements BackendChoice {

        public Built {
            Objects.requireNonNull(type, "'type' must not be null");
            Objects.requireNonNull(settings, "'settings' must not be null");
        }
    }

    /** A backend the embedder built (their own, or a test's); AAPF never closes it. */
    record Supplied(ClusterBackend backend) implements BackendChoice {

        public Supplied {
            Objects.requireNonNull(backend, "'backend' must not be null");
        }
    }
}

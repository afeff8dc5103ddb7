package org.aapf.embedded.wiring;

import java.util.Objects;
import org.aapf.adapter.out.docker.DockerSettings;
import org.aapf.adapter.out.k8s.KubernetesSettings;
import org.aapf.application.port.out.ClusterBackend;

/** Which backend runs the clusters: one AAPF builds (and closes), or one the embedder built and keeps. */
public sealed interface BackendChoice {

    /** True when AAPF built the backend and so closes it with the component. */
    boolean ownedByAapf();

    /**
     * Containers on a Docker engine; the settings' {@code serverId} is replaced by this AAPF's server id so that the
     * labels always match the id the rest of AAPF uses.
     */
    record Docker(DockerSettings settings) implements BackendChoice {

        public Docker {
            Objects.requireNonNull(settings, "'settings' must not be null");
        }

        @Override
        public boolean ownedByAapf() {
            return true;
        }
    }

    /**
     * Pods on a Kubernetes cluster, through a client made from the settings' kubeconfig (or the in-cluster account);
     * the settings' {@code serverId} is replaced by this AAPF's server id.
     */
    record Kubernetes(KubernetesSettings settings) implements BackendChoice {

        public Kubernetes {
            Objects.requireNonNull(settings, "'settings' must not be null");
        }

        @Override
        public boolean ownedByAapf() {
            return true;
        }
    }

    /** A backend the embedder built (their own, or a test's); AAPF never closes it. */
    record Supplied(ClusterBackend backend) implements BackendChoice {

        public Supplied {
            Objects.requireNonNull(backend, "'backend' must not be null");
        }

        @Override
        public boolean ownedByAapf() {
            return false;
        }
    }
}

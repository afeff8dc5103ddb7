package org.aapf.bootstrap.doctor;

import java.util.Optional;
import org.aapf.bootstrap.config.AapfConfig;

/** Where the configured backend is, and what to do when it cannot be reached, in the operator's terms. */
record BackendHints(String where, String unreachableFix) {

    private static final String DEFAULT_DOCKER_HOST = "unix:///var/run/docker.sock";

    static BackendHints of(AapfConfig config) {
        if ("docker".equals(config.backend().type())) {
            String host = Optional.of(config.backend().docker().host()).filter(h -> !h.isEmpty())
                    .or(() -> Optional.ofNullable(System.getenv("DOCKER_HOST")).filter(h -> !h.isBlank()))
                    .orElse(DEFAULT_DOCKER_HOST);
            return new BackendHints("Docker engine at " + host, "start the Docker engine, or point "
                    + "'backend.docker.host' (or DOCKER_HOST) at it; the user running AAPF must be allowed to use "
                    + "its socket (e.g. be in the 'docker' group)");
        }
        return new BackendHints("backend " + config.backend().type(), "check the 'backend' settings and that the "
                + "backend's API answers with the credentials AAPF uses");
    }
}

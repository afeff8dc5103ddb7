package org.aapf.adapter.out.docker;

import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * How to reach a Docker engine and how to run instances on it.
 *
 * @param dockerHost {@code unix:///var/run/docker.sock} or {@code tcp://host:2376}
 * @param tlsCertPath directory with {@code ca.pem}, {@code cert.pem}, {@code key.pem}; only for {@code tcp://} hosts
 * @param serverId the AAPF server id that labels (and so owns) every container and network created
 * @param endpointMode how the AAPF server reaches an instance's HTTP port
 * @param pullMissingImages pull an image the engine lacks instead of only reporting it
 * @param pidsLimit the most processes and threads one container may run
 * @param healthTimeout how long one HTTP health probe may take
 */
public record DockerSettings(URI dockerHost, Optional<Path> tlsCertPath, String serverId, EndpointMode endpointMode,
        boolean pullMissingImages, long pidsLimit, Duration healthTimeout) {

    /** The engine socket used when {@code DOCKER_HOST} is not set. */
    public static final URI DEFAULT_HOST = URI.create("unix:///var/run/docker.sock");
    public static final long DEFAULT_PIDS_LIMIT = 1024;
    public static final Duration DEFAULT_HEALTH_TIMEOUT = Duration.ofSeconds(1);

    public DockerSettings {
        Objects.requireNonNull(dockerHost, "'dockerHost' must not be null");
        Objects.requireNonNull(tlsCertPath, "'tlsCertPath' must not be null");
        Objects.requireNonNull(endpointMode, "'endpointMode' must not be null");
        Objects.requireNonNull(healthTimeout, "'healthTimeout' must not be null");
        String scheme = dockerHost.getScheme();
        if (!"unix".equals(scheme) && !"tcp".equals(scheme)) {
            throw new IllegalArgumentException("'dockerHost' must be a unix:// or tcp:// URI");
        }
        if (tlsCertPath.isPresent() && !"tcp".equals(scheme)) {
            throw new IllegalArgumentException("'tlsCertPath' is only valid for a tcp:// 'dockerHost'");
        }
        if (serverId == null || !serverId.matches("[A-Za-z0-9][A-Za-z0-9_.-]{0,62}")) {
            throw new IllegalArgumentException("'serverId' must be 1-63 letters, digits, '_', '.' or '-'");
        }
        if (pidsLimit < 16) {
            throw new IllegalArgumentException("'pidsLimit' must be >= 16");
        }
        if (healthTimeout.isNegative() || healthTimeout.isZero()) {
            throw new IllegalArgumentException("'healthTimeout' must be > 0");
        }
    }

    /** Defaults for a local engine: the default socket, published loopback ports, no pulls. */
    public static DockerSettings local(String serverId) {
        return new DockerSettings(DEFAULT_HOST, Optional.empty(), serverId, EndpointMode.LOOPBACK_PUBLISHED, false,
                DEFAULT_PIDS_LIMIT, DEFAULT_HEALTH_TIMEOUT);
    }

    /**
     * Defaults read from Docker's own variables: {@code DOCKER_HOST}, and for {@code tcp://} hosts
     * {@code DOCKER_TLS_VERIFY=1} with {@code DOCKER_CERT_PATH} (default {@code ~/.docker}).
     */
    public static DockerSettings fromEnvironment(Map<String, String> env, String serverId) {
        URI host = Optional.ofNullable(env.get("DOCKER_HOST")).filter(h -> !h.isBlank()).map(URI::create)
                .orElse(DEFAULT_HOST);
        Optional<Path> certs = Optional.empty();
        if ("tcp".equals(host.getScheme()) && "1".equals(env.get("DOCKER_TLS_VERIFY"))) {
            certs = Optional.of(Optional.ofNullable(env.get("DOCKER_CERT_PATH")).filter(p -> !p.isBlank())
                    .map(Path::of).orElse(Path.of(System.getProperty("user.home"), ".docker")));
        }
        return new DockerSettings(host, certs, serverId, EndpointMode.LOOPBACK_PUBLISHED, false, DEFAULT_PIDS_LIMIT,
                DEFAULT_HEALTH_TIMEOUT);
    }

    public DockerSettings withEndpointMode(EndpointMode mode) {
        return new DockerSettings(dockerHost, tlsCertPath, serverId, mode, pullMissingImages, pidsLimit, healthTimeout);
    }

    public DockerSettings withPullMissingImages(boolean pull) {
        return new DockerSettings(dockerHost, tlsCertPath, serverId, endpointMode, pull, pidsLimit, healthTimeout);
    }

    public DockerSettings withServerId(String id) {
        return new DockerSettings(dockerHost, tlsCertPath, id, endpointMode, pullMissingImages, pidsLimit, healthTimeout);
    }

    /** How the AAPF server reaches an instance's HTTP port. */
    public enum EndpointMode {
        /** The port is published on 127.0.0.1 with an ephemeral host port (AAPF runs on the Docker host). */
        LOOPBACK_PUBLISHED,
        /** The container's address on its cluster network (AAPF itself runs in a container on that network). */
        CONTAINER_NETWORK
    }
}

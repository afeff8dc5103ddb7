package org.aapf.adapter.out.docker;

import com.github.dockerjava.api.DockerClient;
import com.github.dockerjava.core.DefaultDockerClientConfig;
import com.github.dockerjava.core.DockerClientImpl;
import com.github.dockerjava.httpclient5.ApacheDockerHttpClient;
import com.github.dockerjava.transport.DockerHttpClient;
import java.time.Duration;

/** Builds the docker-java client for {@link DockerSettings}: one transport (httpclient5), API version negotiated. */
final class DockerClients {

    private static final Duration CONNECT_TIMEOUT = Duration.ofSeconds(5);
    /** Also bounds an idle event stream, which then simply reconnects. */
    private static final Duration RESPONSE_TIMEOUT = Duration.ofMinutes(5);

    private DockerClients() {
    }

    static DockerClient create(DockerSettings settings) {
        return DockerClientImpl.getInstance(config(settings), http(settings));
    }

    /** The raw HTTP transport, for the few engine calls docker-java has no command for (disk usage). */
    static DockerHttpClient http(DockerSettings settings) {
        DefaultDockerClientConfig built = config(settings);
        return new ApacheDockerHttpClient.Builder()
                .dockerHost(built.getDockerHost())
                .sslConfig(built.getSSLConfig())
                .connectionTimeout(CONNECT_TIMEOUT)
                .responseTimeout(RESPONSE_TIMEOUT)
                .build();
    }

    private static DefaultDockerClientConfig config(DockerSettings settings) {
        DefaultDockerClientConfig.Builder config = DefaultDockerClientConfig.createDefaultConfigBuilder()
                .withDockerHost(settings.dockerHost().toString())
                .withDockerTlsVerify(settings.tlsCertPath().isPresent());
        settings.tlsCertPath().ifPresent(path -> config.withDockerCertPath(path.toString()));
        return config.build();
    }
}

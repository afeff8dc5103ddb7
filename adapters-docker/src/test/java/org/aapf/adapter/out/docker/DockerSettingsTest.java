package org.aapf.adapter.out.docker;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.net.URI;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;
import org.aapf.adapter.out.docker.DockerSettings.EndpointMode;
import org.junit.jupiter.api.Test;

class DockerSettingsTest {

    @Test
    void withoutDockerHost_usesTheDefaultSocket() {
        DockerSettings settings = DockerSettings.fromEnvironment(Map.of(), "s1");

        assertEquals(URI.create("unix:///var/run/docker.sock"), settings.dockerHost());
        assertEquals(Optional.empty(), settings.tlsCertPath());
        assertEquals(EndpointMode.LOOPBACK_PUBLISHED, settings.endpointMode());
        assertFalse(settings.pullMissingImages());
    }

    @Test
    void tcpHostWithTlsVerify_usesTheCertPath() {
        DockerSettings settings = DockerSettings.fromEnvironment(Map.of("DOCKER_HOST", "tcp://docker.example:2376",
                "DOCKER_TLS_VERIFY", "1", "DOCKER_CERT_PATH", "/etc/aapf/docker"), "s1");

        assertEquals(URI.create("tcp://docker.example:2376"), settings.dockerHost());
        assertEquals(Optional.of(Path.of("/etc/aapf/docker")), settings.tlsCertPath());
    }

    @Test
    void tlsForAUnixSocket_isRejected() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> new DockerSettings(DockerSettings.DEFAULT_HOST, Optional.of(Path.of("/certs")), "s1",
                        EndpointMode.LOOPBACK_PUBLISHED, false, 512, DockerSettings.DEFAULT_HEALTH_TIMEOUT));

        assertEquals("'tlsCertPath' is only valid for a tcp:// 'dockerHost'", e.getMessage());
    }

    @Test
    void serverIdMustBeLabelSafe() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> DockerSettings.local("has space"));

        assertEquals("'serverId' must be 1-63 letters, digits, '_', '.' or '-'", e.getMessage());
    }

    @Test
    void httpHost_isRejected() {
        assertThrows(IllegalArgumentException.class,
                () -> DockerSettings.fromEnvironment(Map.of("DOCKER_HOST", "http://localhost:2375"), "s1"));
    }
}

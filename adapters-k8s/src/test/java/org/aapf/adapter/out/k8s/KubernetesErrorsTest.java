package org.aapf.adapter.out.k8s;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.fabric8.kubernetes.api.model.StatusBuilder;
import io.fabric8.kubernetes.client.Config;
import io.fabric8.kubernetes.client.ConfigBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientBuilder;
import io.fabric8.kubernetes.client.KubernetesClientException;
import java.io.IOException;
import java.net.ConnectException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import org.aapf.domain.cluster.ClusterId;
import org.aapf.application.testing.LogCapture;
import org.aapf.domain.error.AapfException;
import org.aapf.domain.error.ErrorReason;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class KubernetesErrorsTest {

    @Test
    void connectionFailureIsUnavailable() {
        KubernetesClientException e = new KubernetesClientException("boom", new ConnectException("refused"));
        assertEquals(ErrorReason.UNAVAILABLE, KubernetesErrors.translate("list pods", e).reason());
    }

    @Test
    void forbiddenIsInternalAndDoesNotLeakTheServersMessage() {
        KubernetesClientException e = new KubernetesClientException("pods is forbidden: User system:x", 403,
                new StatusBuilder().withCode(403).withMessage("pods is forbidden: User system:x").build());
        AapfException translated = KubernetesErrors.translate("start the service", e);
        assertEquals(ErrorReason.INTERNAL, translated.reason());
        assertEquals("Kubernetes could not start the service.", translated.getMessage());
        assertFalse(translated.getMessage().contains("system:x"));
    }

    @Test
    void gatewayErrorsAreUnavailable() {
        KubernetesClientException e = new KubernetesClientException("unavailable", 503, null);
        assertEquals(ErrorReason.UNAVAILABLE, KubernetesErrors.translate("list pods", e).reason());
    }

    @Test
    void unreachableApiServerMakesEveryCallUnavailable() {
        // port 1 on loopback: nothing listens, the connection is refused at once
        try (KubernetesClient client = new KubernetesClientBuilder().withConfig(new ConfigBuilder()
                        .withMasterUrl("http://127.0.0.1:1").withRequestRetryBackoffLimit(0)
                        .withConnectionTimeout(1000).withRequestTimeout(1000).build()).build();
                KubernetesClusterBackend backend = new KubernetesClusterBackend(client,
                        KubernetesSettings.shared("aapf", Instances.SERVER), Clock.systemUTC())) {
            assertUnavailable(() -> backend.apply(Instances.notebook(ClusterId.random())));
            assertUnavailable(() -> backend.removeCluster(ClusterId.random()));
            assertUnavailable(backend::observe);
        }
    }

    @Test
    void anUnreachableApiServer_isNotLoggedPerCall_aRefusalIs() {
        try (LogCapture log = new LogCapture()) {
            KubernetesErrors.translate("watch the pods",
                    new KubernetesClientException("boom", new ConnectException("refused")));
            assertEquals(List.of(), warnings(log));

            KubernetesErrors.translate("start the service", new KubernetesClientException("forbidden", 403, null));
            assertEquals(1, warnings(log).size());
        }
    }

    @Test
    void theClientFailsFast_whenTheApiServerCannotBeReached(@TempDir Path dir) throws Exception {
        KubernetesSettings settings = unreachable(dir);
        try (KubernetesClient client = KubernetesClients.create(settings);
                KubernetesClusterBackend backend = new KubernetesClusterBackend(client, settings, Clock.systemUTC())) {
            assertEquals(KubernetesClients.REQUEST_RETRIES, client.getConfiguration().getRequestRetryBackoffLimit());
            assertEquals(KubernetesClients.CONNECT_TIMEOUT_MILLIS, client.getConfiguration().getConnectionTimeout());
            assertUnavailable(backend::observe);
        }
    }

    @Test
    void theOperatorsOwnRetryAndTimeoutSettingsAreKept(@TempDir Path dir) throws Exception {
        System.setProperty(Config.KUBERNETES_REQUEST_RETRY_BACKOFFLIMIT_SYSTEM_PROPERTY, "7");
        System.setProperty(Config.KUBERNETES_CONNECTION_TIMEOUT_SYSTEM_PROPERTY, "12000");
        try (KubernetesClient client = KubernetesClients.create(unreachable(dir))) {
            assertEquals(7, client.getConfiguration().getRequestRetryBackoffLimit());
            assertEquals(12_000, client.getConfiguration().getConnectionTimeout());
        } finally {
            System.clearProperty(Config.KUBERNETES_REQUEST_RETRY_BACKOFFLIMIT_SYSTEM_PROPERTY);
            System.clearProperty(Config.KUBERNETES_CONNECTION_TIMEOUT_SYSTEM_PROPERTY);
        }
    }

    @Test
    void anOperatorsSettingThatIsNoNumberIsRefused(@TempDir Path dir) throws Exception {
        System.setProperty(Config.KUBERNETES_REQUEST_RETRY_BACKOFFLIMIT_SYSTEM_PROPERTY, "three");
        try {
            KubernetesSettings settings = unreachable(dir);
            AapfException e = assertThrows(AapfException.class, () -> KubernetesClients.create(settings));
            assertEquals(ErrorReason.INVALID_INPUT, e.reason());
            assertEquals("KUBERNETES_REQUEST_RETRY_BACKOFFLIMIT must be a whole number of 0 or more, not 'three'.",
                    e.getMessage());
        } finally {
            System.clearProperty(Config.KUBERNETES_REQUEST_RETRY_BACKOFFLIMIT_SYSTEM_PROPERTY);
        }
    }

    private static List<LogRecord> warnings(LogCapture log) {
        return log.records().stream()
                .filter(record -> KubernetesErrors.class.getName().equals(record.getLoggerName()))
                .filter(record -> record.getLevel().intValue() >= Level.WARNING.intValue())
                .toList();
    }

    /** Settings naming a kubeconfig whose API server nobody listens on. */
    private static KubernetesSettings unreachable(Path dir) throws IOException {
        Path kubeconfig = Files.writeString(dir.resolve("kubeconfig"), """
                apiVersion: v1
                kind: Config
                clusters: [{name: gone, cluster: {server: "http://127.0.0.1:1"}}]
                users: [{name: nobody, user: {}}]
                contexts: [{name: gone, context: {cluster: gone, user: nobody}}]
                current-context: gone
                """);
        return new KubernetesSettings(KubernetesSettings.NamespaceMode.SHARED, "aapf", Instances.SERVER,
                KubernetesSettings.EndpointMode.SERVICE_DNS, Duration.ofMinutes(5), Optional.of(kubeconfig),
                "cluster.local");
    }

    private static void assertUnavailable(Runnable call) {
        AapfException e = assertThrows(AapfException.class, call::run);
        assertEquals(ErrorReason.UNAVAILABLE, e.reason());
    }
}

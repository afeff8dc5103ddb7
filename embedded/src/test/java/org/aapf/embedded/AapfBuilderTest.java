package org.aapf.embedded;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.logging.LogRecord;
import org.aapf.adapter.out.k8s.KubernetesSettings;
import org.aapf.application.testing.FakeClusterBackend;
import org.aapf.application.testing.LogCapture;
import org.aapf.domain.error.AapfException;
import org.aapf.domain.error.ErrorReason;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class AapfBuilderTest {

    private final FakeClusterBackend backend = new FakeClusterBackend(Clock.systemUTC());

    @Test
    void withoutDatabase_buildNamesTheChoices() {
        IllegalStateException error = assertThrows(IllegalStateException.class,
                () -> Aapf.builder().backend(backend).build());
        assertTrue(error.getMessage().contains("dataSource(...), jdbcUrl(...)"), error.getMessage());
    }

    @Test
    void withoutBackend_buildNamesTheChoices() {
        IllegalStateException error = assertThrows(IllegalStateException.class,
                () -> Aapf.builder().jdbcUrl("jdbc:h2:mem:x", "sa", "").build());
        assertTrue(error.getMessage().contains("dockerBackend(...), kubernetesBackend(...) or backend(...)"), error.getMessage());
    }

    @Test
    void invalidServerIdAndShortSecret_areRefusedNamingTheField() {
        assertEquals("'serverId' must be 1-32 lowercase letters, digits or '-'", assertThrows(
                IllegalArgumentException.class, () -> Aapf.builder().serverId("Portal_1")).getMessage());
        assertEquals("'jwtSecret' must be at least 32 bytes", assertThrows(
                IllegalArgumentException.class, () -> Aapf.builder().jwtSecret("short")).getMessage());
    }

    @Test
    void buildContactsNoDatabase_andClosingAnUnusedAapfDoesNothing() {
        Aapf aapf = Aapf.builder().jdbcUrl("jdbc:postgresql://127.0.0.1:1/nowhere", "u", "p").backend(backend).build();

        assertDoesNotThrow(aapf::close);
        assertThrows(IllegalStateException.class, aapf::clusters);
    }

    @Test
    void aBackendThatWasNeverBuilt_isNotBuiltToBeClosed(@TempDir Path dir) {
        KubernetesSettings unreadable = new KubernetesSettings(KubernetesSettings.NamespaceMode.SHARED, "aapf",
                "aapf-test", KubernetesSettings.EndpointMode.SERVICE_DNS, Duration.ofMinutes(5),
                Optional.of(dir.resolve("missing-kubeconfig")), "cluster.local");
        try (LogCapture log = new LogCapture()) {
            // a CLI command: the accounts only, no backend
            try (Aapf aapf = Aapf.builder().jdbcUrl("jdbc:h2:mem:owned-1", "sa", "").kubernetesBackend(unreadable)
                    .build()) {
                aapf.users().list().listUsers();
            }
            // a server whose backend cannot be built: start fails, and closing does not try again
            try (Aapf aapf = Aapf.builder().jdbcUrl("jdbc:h2:mem:owned-2", "sa", "").kubernetesBackend(unreadable)
                    .build()) {
                AapfException e = assertThrows(AapfException.class, aapf::start);
                assertEquals(ErrorReason.INVALID_INPUT, e.reason());
            }
            assertEquals(List.of(), log.records().stream().filter(r -> Aapf.class.getName().equals(r.getLoggerName()))
                    .filter(r -> r.getThrown() != null).map(LogRecord::getMessage).toList());
        }
    }
}

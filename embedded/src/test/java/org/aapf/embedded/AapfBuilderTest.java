package org.aapf.embedded;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Clock;
import org.aapf.application.testing.FakeClusterBackend;
import org.junit.jupiter.api.Test;

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
}

package org.aapf.adapter.out.persistence;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

class DatabaseSettingsTest {

    @Test
    void h2FileUsesAnAbsolutePathAndAutomaticMixedMode() {
        DatabaseSettings settings = DatabaseSettings.h2File(Path.of("/var/lib/aapf/../aapf-data"));

        assertEquals("jdbc:h2:file:/var/lib/aapf-data/aapf;AUTO_SERVER=TRUE", settings.jdbcUrl());
        assertEquals(DatabaseSettings.DEFAULT_MAX_POOL_SIZE, settings.maxPoolSize());
    }

    @Test
    void h2FileResolvesARelativeDirectoryAgainstTheWorkingDirectory() {
        DatabaseSettings settings = DatabaseSettings.h2File(Path.of("data"));

        String expected = Path.of("data").toAbsolutePath().normalize().toString().replace('\\', '/') + "/aapf";
        assertEquals("jdbc:h2:file:" + expected + ";AUTO_SERVER=TRUE", settings.jdbcUrl());
    }

    @Test
    void h2FileRefusesADirectoryThatWouldBreakTheUrl() {
        IllegalArgumentException error =
                assertThrows(IllegalArgumentException.class, () -> DatabaseSettings.h2File(Path.of("/tmp/a;b")));

        assertTrue(error.getMessage().contains("'dataDir'"), error.getMessage());
    }

    @Test
    void refusesAUrlOfAnotherDatabaseOrNoJdbcUrl() {
        for (String url : List.of("postgresql://db/aapf", "jdbc:mysql://db/aapf", "foo")) {
            IllegalArgumentException error = assertThrows(IllegalArgumentException.class,
                    () -> new DatabaseSettings(url, "aapf", "pw", 5));

            assertEquals("'jdbcUrl' must be a PostgreSQL (jdbc:postgresql:) or H2 (jdbc:h2:) URL", error.getMessage());
        }
    }

    @Test
    void refusesAPoolSizeOutOfRange() {
        assertThrows(IllegalArgumentException.class, () -> new DatabaseSettings("jdbc:h2:mem:x", "sa", "", 0));
        assertThrows(IllegalArgumentException.class,
                () -> new DatabaseSettings("jdbc:h2:mem:x", "sa", "", DatabaseSettings.MAX_POOL_SIZE_LIMIT + 1));
    }

    @Test
    void refusesMissingCredentials() {
        assertThrows(NullPointerException.class, () -> new DatabaseSettings("jdbc:h2:mem:x", null, "", 1));
        assertThrows(NullPointerException.class, () -> new DatabaseSettings("jdbc:h2:mem:x", "sa", null, 1));
    }

    @Test
    void toStringNeverShowsThePassword() {
        DatabaseSettings settings =
                new DatabaseSettings("jdbc:postgresql://db:5432/aapf?password=hunter2", "aapf", "hunter2", 5);

        assertFalse(settings.toString().contains("hunter2"), settings.toString());
        assertTrue(settings.toString().contains("PostgreSQL db:5432/aapf"), settings.toString());
    }
}

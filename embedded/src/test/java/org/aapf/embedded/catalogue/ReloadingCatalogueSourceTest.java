package org.aapf.embedded.catalogue;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Optional;
import org.aapf.domain.catalogue.PerfType;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ReloadingCatalogueSourceTest {

    @TempDir
    Path dir;

    private Instant now = Instant.parse("2026-01-01T00:00:00Z");
    private final Clock clock = new Clock() {
        @Override
        public ZoneOffset getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(java.time.ZoneId zone) {
            return this;
        }

        @Override
        public Instant instant() {
            return now;
        }
    };

    @Test
    void editedFile_isPickedUpWithoutRestart() throws IOException {
        Path file = write(1, "small");
        ReloadingCatalogueSource source = ReloadingCatalogueSource.load(Optional.of(file), clock);
        assertEquals(1, source.current().perfTypes().size());

        write(2, "small", "large");
        now = now.plus(Duration.ofSeconds(3));

        assertEquals(2, source.current().perfTypes().size());
        assertEquals("large", source.current().perfTypes().stream().map(PerfType::name).toList().get(0));
    }

    @Test
    void fileThatBecameInvalid_keepsTheLastGoodCatalogue() throws IOException {
        Path file = write(1, "small");
        ReloadingCatalogueSource source = ReloadingCatalogueSource.load(Optional.of(file), clock);

        Files.writeString(file, "perfTypes: [ {name: broken} ]");
        Files.setLastModifiedTime(file, FileTime.from(Instant.parse("2026-01-01T00:00:05Z")));
        now = now.plus(Duration.ofSeconds(3));

        assertEquals("small", source.current().perfTypes().get(0).name());
    }

    @Test
    void invalidFileAtStart_stopsStartUp() throws IOException {
        Path file = dir.resolve("catalogue.yaml");
        Files.writeString(file, "images: {not: a list}");

        assertThrows(CatalogueException.class, () -> ReloadingCatalogueSource.load(Optional.of(file), clock));
    }

    private Path write(int version, String... perfTypes) throws IOException {
        StringBuilder yaml = new StringBuilder("images: []\nperfTypes:\n");
        for (String name : perfTypes) {
            yaml.append("  - {name: ").append(name).append(", displayName: ").append(name)
                    .append(", resources: {cpu: 1, memory: 512}}\n");
        }
        Path file = dir.resolve("catalogue.yaml");
        Files.writeString(file, yaml);
        Files.setLastModifiedTime(file, FileTime.from(Instant.parse("2026-01-01T00:00:00Z").plusSeconds(version)));
        return file;
    }
}

package org.aapf.embedded.catalogue;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.lang.System.Logger.Level;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import org.aapf.application.port.out.CatalogueSource;
import org.aapf.domain.catalogue.Catalogue;

/**
 * The operator's catalogue file (or the shipped default), re-read when the file changes so edits need no restart. A
 * file that became invalid is reported in the log and the last good catalogue stays in use.
 */
public final class ReloadingCatalogueSource implements CatalogueSource {

    private static final System.Logger LOG = System.getLogger(ReloadingCatalogueSource.class.getName());
    private static final String DEFAULT_RESOURCE = "/aapf-catalogue.yaml";
    private static final Duration CHECK_EVERY = Duration.ofSeconds(2);

    private final Optional<Path> file;
    private final Clock clock;
    private volatile Catalogue current;
    private volatile FileTime loadedVersion;
    private volatile Instant nextCheck;

    private ReloadingCatalogueSource(Optional<Path> file, Clock clock) {
        this.file = file;
        this.clock = clock;
        this.current = file.map(this::readFile).orElseGet(ReloadingCatalogueSource::readDefault);
        this.nextCheck = clock.instant().plus(CHECK_EVERY);
    }

    /** Loads {@code file} now (failing start-up when it is invalid), or the shipped default when empty. */
    public static ReloadingCatalogueSource load(Optional<Path> file, Clock clock) {
        return new ReloadingCatalogueSource(file, clock);
    }

    /** The shipped default catalogue. */
    public static Catalogue defaultCatalogue() {
        return readDefault();
    }

    @Override
    public Catalogue current() {
        if (file.isPresent() && !clock.instant().isBefore(nextCheck)) {
            reloadIfChanged(file.get());
        }
        return current;
    }

    private synchronized void reloadIfChanged(Path path) {
        if (clock.instant().isBefore(nextCheck)) {
            return;
        }
        nextCheck = clock.instant().plus(CHECK_EVERY);
        try {
            if (!Files.getLastModifiedTime(path).equals(loadedVersion)) {
                current = readFile(path);
                LOG.log(Level.INFO, "Catalogue reloaded from {0}: {1} images, {2} performance types", path,
                        current.images().size(), current.perfTypes().size());
            }
        } catch (IOException | CatalogueException e) {
            LOG.log(Level.WARNING, "Keeping the previous catalogue: " + e.getMessage());
        }
    }

    private Catalogue readFile(Path path) {
        try {
            FileTime version = Files.getLastModifiedTime(path);
            try (InputStream in = Files.newInputStream(path)) {
                Catalogue catalogue = CatalogueFile.parse(in, path.toString());
                loadedVersion = version;
                return catalogue;
            }
        } catch (IOException e) {
            throw new CatalogueException("Catalogue file '" + path + "' cannot be read ("
                    + e.getMessage() + ")", e);
        }
    }

    private static Catalogue readDefault() {
        try (InputStream in = ReloadingCatalogueSource.class.getResourceAsStream(DEFAULT_RESOURCE)) {
            return CatalogueFile.parse(in, "(built-in)");
        } catch (IOException e) {
            throw new UncheckedIOException("the shipped catalogue is unreadable", e);
        }
    }
}

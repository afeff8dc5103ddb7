package org.aapf.bootstrap.cli;

import java.nio.file.Path;
import java.util.Optional;
import org.aapf.bootstrap.config.AapfConfig;
import org.aapf.bootstrap.config.ConfigLoader;
import picocli.CommandLine.Option;

/** The {@code --config} option every command shares. */
final class ConfigOption {

    @Option(names = "--config", paramLabel = "FILE",
            description = "YAML configuration file (default: $AAPF_CONFIG, else built-in defaults).")
    private Path file;

    AapfConfig load() {
        Optional<Path> path = Optional.ofNullable(file)
                .or(() -> Optional.ofNullable(System.getenv("AAPF_CONFIG")).filter(s -> !s.isBlank()).map(Path::of));
        return new ConfigLoader().load(path, System.getenv());
    }
}

package org.aapf.bootstrap.support;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Comparator;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;
import org.aapf.application.port.in.AddUserUseCase.AddUserCommand;
import org.aapf.application.port.out.ClusterBackend;
import org.aapf.application.testing.FakeClusterBackend;
import org.aapf.bootstrap.AapfServer;
import org.aapf.bootstrap.config.AapfConfig;
import org.aapf.bootstrap.config.ConfigLoader;

/**
 * A real AAPF server for tests: loopback, a free port, a temporary H2 data directory (or the given database), and
 * clusters on the in-memory fake backend unless a test passes another. Closing stops it and deletes the directory.
 */
public final class TestServer implements AutoCloseable {

    private final Path dataDir;
    private final AapfConfig config;
    private final AapfServer server;
    private final ClusterBackend backend;

    private TestServer(Path dataDir, AapfConfig config, AapfServer server, ClusterBackend backend) {
        this.dataDir = dataDir;
        this.config = config;
        this.server = server;
        this.backend = backend;
    }

    public static TestServer start() {
        return start(Map.of());
    }

    /** @param environment extra configuration as environment variables, e.g. {@code AAPF_DB_URL} */
    public static TestServer start(Map<String, String> environment) {
        return start(environment, new FakeClusterBackend(Clock.systemUTC()));
    }

    public static TestServer start(Map<String, String> environment, ClusterBackend backend) {
        return start(environment, Optional.of(backend));
    }

    /** A server with the backend its configuration names (the real Docker engine by default). */
    public static TestServer startWithConfiguredBackend(Map<String, String> environment) {
        return start(environment, Optional.empty(), Optional.empty());
    }

    /**
     * A server with the backend its configuration names, configured by {@code configYaml} (the operator's file, for
     * keys no environment variable covers) under {@code environment}.
     */
    public static TestServer startWithConfiguredBackend(Map<String, String> environment, String configYaml) {
        return start(environment, Optional.of(configYaml), Optional.empty());
    }

    /** A server configured by {@code configYaml} under {@code environment}, with clusters run by {@code backend}. */
    public static TestServer start(Map<String, String> environment, String configYaml, ClusterBackend backend) {
        return start(environment, Optional.of(configYaml), Optional.of(backend));
    }

    private static TestServer start(Map<String, String> environment, Optional<ClusterBackend> backend) {
        return start(environment, Optional.empty(), backend);
    }

    private static TestServer start(Map<String, String> environment, Optional<String> configYaml,
            Optional<ClusterBackend> backend) {
        Path dataDir = tempDir();
        Map<String, String> env = new HashMap<>(Map.of("AAPF_DATA_DIR", dataDir.toString(), "AAPF_PORT", "0",
                "AAPF_HOST", "127.0.0.1"));
        env.putAll(environment);
        try {
            Optional<Path> file = configYaml.map(yaml -> write(dataDir.resolve("aapf.yaml"), yaml));
            AapfConfig config = new ConfigLoader().load(file, env);
            return launch(dataDir, config, backend);
        } catch (RuntimeException e) {
            delete(dataDir);
            throw e;
        }
    }

    private static Path write(Path file, String content) {
        try {
            return Files.writeString(file, content);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static TestServer launch(Path dataDir, AapfConfig config, Optional<ClusterBackend> backend) {
        AapfServer server = backend.map(b -> AapfServer.start(config, b)).orElseGet(() -> AapfServer.start(config));
        return new TestServer(dataDir, config, server, server.component().backend());
    }

    /** Stops this server and starts a new one over the same data (a process restart); this one is then unusable. */
    public TestServer restart() {
        server.close();
        boolean custom = !"docker".equals(backend.name()) && !"kubernetes".equals(backend.name());
        return launch(dataDir, config, custom ? Optional.of(backend) : Optional.empty());
    }

    public String baseUrl() {
        return "http://127.0.0.1:" + server.port();
    }

    public Api api() {
        return new Api(baseUrl());
    }

    public ClusterBackend backend() {
        return backend;
    }

    public AapfServer server() {
        return server;
    }

    public void addUser(String name, String password) {
        server.component().addUser().addUser(new AddUserCommand(name, password));
    }

    @Override
    public void close() {
        try {
            server.close();
        } finally {
            delete(dataDir);
        }
    }

    private static Path tempDir() {
        try {
            return Files.createTempDirectory("aapf-test-");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static void delete(Path dir) {
        try (Stream<Path> paths = Files.walk(dir)) {
            paths.sorted(Comparator.reverseOrder()).forEach(path -> path.toFile().delete());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}

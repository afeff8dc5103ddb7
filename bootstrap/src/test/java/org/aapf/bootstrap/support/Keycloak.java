package org.aapf.bootstrap.support;

import java.io.IOException;
import java.io.InputStream;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse.BodyHandlers;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * A real Keycloak ({@code org.keycloak:keycloak-quarkus-dist} from Maven Central, unpacked once under
 * {@code ~/.cache/aapf}) started in dev mode on a free loopback port with the realm of
 * {@code src/test/resources/keycloak/aapf-realm.json} imported: realm {@code aapf}, clients {@code aapf},
 * {@code other-app} and {@code aapf-short-lived}, users alice (groups aapf-admins, analysts), bob (analysts) and
 * carol (interns). Started once per test run, by the first test class that uses this extension, and stopped when the
 * run ends.
 */
public final class Keycloak implements BeforeAllCallback {

    public static final String VERSION = "26.5.6";
    public static final String REALM = "aapf";
    public static final String ADMIN = "kc-admin";
    public static final String ADMIN_PASSWORD = "kc-admin-pass";
    private static final Path CACHE = Path.of(System.getProperty("user.home"), ".cache", "aapf");
    private static final Path HOME = CACHE.resolve("keycloak-" + VERSION);
    private static final Duration START_TIMEOUT = Duration.ofMinutes(5);

    private static Running running;

    /** The started Keycloak; only inside a test class extended with this. */
    public static Running get() {
        if (running == null) {
            throw new IllegalStateException("extend the test class with @ExtendWith(Keycloak.class)");
        }
        return running;
    }

    @Override
    public void beforeAll(ExtensionContext context) throws Exception {
        synchronized (Keycloak.class) {
            if (running == null) {
                running = start();
                context.getRoot().getStore(ExtensionContext.Namespace.GLOBAL).put(Keycloak.class, running);
            }
        }
    }

    private static Running start() throws Exception {
        unpack();
        Path data = HOME.resolve("data");
        deleteTree(data);
        Files.createDirectories(data.resolve("import"));
        try (InputStream realm = Keycloak.class.getResourceAsStream("/keycloak/aapf-realm.json")) {
            Files.copy(realm, data.resolve("import/aapf-realm.json"));
        }
        int port = freePort();
        Path log = CACHE.resolve("keycloak-test.log");
        ProcessBuilder builder = new ProcessBuilder(HOME.resolve("bin/kc.sh").toString(), "start-dev",
                "--http-host=127.0.0.1", "--http-port=" + port, "--import-realm", "--cache=local")
                .redirectErrorStream(true).redirectOutput(log.toFile());
        String javaHome = ProcessHandle.current().info().command().map(Path::of)
                .map(java -> java.getParent().getParent().toString()).orElseThrow();
        builder.environment().put("JAVA_HOME", javaHome);
        builder.environment().put("KC_BOOTSTRAP_ADMIN_USERNAME", ADMIN);
        builder.environment().put("KC_BOOTSTRAP_ADMIN_PASSWORD", ADMIN_PASSWORD);
        Process process = builder.start();
        Running started = new Running(process, "http://127.0.0.1:" + port);
        try {
            awaitRealm(started, log);
        } catch (Exception | AssertionError e) {
            started.close();
            throw e;
        }
        return started;
    }

    /** Unpacks the distribution, fetching it with Maven into the cache first when it is not there. */
    private static void unpack() throws Exception {
        if (Files.isExecutable(HOME.resolve("bin/kc.sh"))) {
            return;
        }
        Files.createDirectories(CACHE);
        Path zip = CACHE.resolve("keycloak-quarkus-dist-" + VERSION + ".zip");
        if (!Files.isRegularFile(zip)) {
            run(List.of("mvn", "-B", "-ntp", "dependency:copy",
                    "-Dartifact=org.keycloak:keycloak-quarkus-dist:" + VERSION + ":zip",
                    "-DoutputDirectory=" + CACHE), Duration.ofMinutes(15));
        }
        Path partial = CACHE.resolve("unpacking");
        deleteTree(partial);
        Files.createDirectories(partial);
        run(List.of("unzip", "-q", zip.toString(), "-d", partial.toString()), Duration.ofMinutes(5));
        Files.move(partial.resolve("keycloak-" + VERSION), HOME, StandardCopyOption.ATOMIC_MOVE);
        deleteTree(partial);
    }

    private static void awaitRealm(Running keycloak, Path log) throws Exception {
        HttpClient client = HttpClient.newHttpClient();
        Instant deadline = Instant.now().plus(START_TIMEOUT);
        URI discovery = URI.create(keycloak.issuer() + "/.well-known/openid-configuration");
        while (Instant.now().isBefore(deadline)) {
            if (!keycloak.process.isAlive()) {
                throw new AssertionError("Keycloak stopped; its log: " + log);
            }
            try {
                if (client.send(HttpRequest.newBuilder(discovery).build(), BodyHandlers.discarding())
                        .statusCode() == 200) {
                    return;
                }
            } catch (IOException notYet) {
                // still starting
            }
            Thread.sleep(500);
        }
        throw new AssertionError("Keycloak did not serve its realm within " + START_TIMEOUT + "; its log: " + log);
    }

    private static void run(List<String> command, Duration timeout) throws Exception {
        Process process = new ProcessBuilder(command).inheritIO().start();
        if (!process.waitFor(timeout.toSeconds(), TimeUnit.SECONDS) || process.exitValue() != 0) {
            process.destroyForcibly();
            throw new AssertionError("failed: " + command);
        }
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }

    private static void deleteTree(Path root) throws IOException {
        if (!Files.exists(root)) {
            return;
        }
        try (Stream<Path> files = Files.walk(root)) {
            files.sorted(Comparator.reverseOrder()).forEach(path -> path.toFile().delete());
        }
    }

    /** A running Keycloak; closed (process and children stopped) at the end of the test run. */
    public static final class Running implements AutoCloseable {
        private final Process process;
        private final String baseUrl;

        Running(Process process, String baseUrl) {
            this.process = process;
            this.baseUrl = baseUrl;
        }

        public String baseUrl() {
            return baseUrl;
        }

        /** The realm's issuer URL. */
        public String issuer() {
            return baseUrl + "/realms/" + REALM;
        }

        @Override
        public void close() throws Exception {
            List<ProcessHandle> children = process.descendants().toList();
            process.destroy();
            children.forEach(ProcessHandle::destroy);
            if (!process.waitFor(30, TimeUnit.SECONDS)) {
                process.destroyForcibly();
            }
            children.forEach(ProcessHandle::destroyForcibly);
        }
    }
}

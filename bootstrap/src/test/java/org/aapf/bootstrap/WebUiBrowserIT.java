package org.aapf.bootstrap;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse.BodyHandlers;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.aapf.bootstrap.support.Docker;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Runs the WebUI's browser tests ({@code webui/e2e/run.mjs}: Debian's Chromium driven by playwright-core) against
 * the real distribution jar, started as {@code aapf serve} on a free loopback port over a temporary data directory.
 */
class WebUiBrowserIT {

    /** The real-cluster browser test needs the Docker engine and the notebook image; -Daapf.e2e.clusters=false skips it. */
    private static final boolean REAL_CLUSTERS =
            Boolean.parseBoolean(System.getProperty("aapf.e2e.clusters", "true"));

    private static final String USER = "user1";
    private static final String PASSWORD = "user1pass";
    /** User A of the notebook-isolation test, whose notebook serves a hostile page to user1. */
    private static final String ATTACKER = "mallory";
    private static final String ATTACKER_PASSWORD = "mallorypass";
    private static final Path ROOT = Path.of("").toAbsolutePath().getParent();
    private static final Path JAR = ROOT.resolve("bootstrap/target/aapf.jar");
    private static final Path WEBUI = ROOT.resolve("webui");

    private Path dataDir;
    private Process server;
    /** Labels everything the server creates, so that what the browser tests leave behind can be removed. */
    private final String serverId = "webui-e2e-" + Long.toHexString(System.nanoTime());

    @BeforeEach
    void prepare() throws Exception {
        assertTrue(Files.isRegularFile(JAR), "run in the integration-test phase, after the jar is built: " + JAR);
        assertTrue(Files.isDirectory(WEBUI.resolve("node_modules/playwright-core")),
                "webui/node_modules is missing: build the webui module first (mvn -pl bootstrap -am verify)");
        ensureChromium();
        dataDir = Files.createTempDirectory("aapf-webui-it-");
    }

    @AfterEach
    void cleanUp() throws Exception {
        if (server != null) {
            server.destroy();
            if (!server.waitFor(20, TimeUnit.SECONDS)) {
                server.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
            }
            if (REAL_CLUSTERS) {
                Docker.removeEverythingLabelled("org.aapf.server=" + serverId);
            }
        }
        if (dataDir != null) {
            try (Stream<Path> files = Files.walk(dataDir)) {
                files.sorted(Comparator.reverseOrder()).forEach(path -> path.toFile().delete());
            }
        }
    }

    @Test
    void webUiPassesItsBrowserTestsAgainstTheRealServer() throws Exception {
        int port = freePort();
        Map<String, String> env = Map.of(
                "AAPF_DATA_DIR", dataDir.toString(),
                "AAPF_HOST", "127.0.0.1",
                "AAPF_PORT", Integer.toString(port),
                "AAPF_SERVER_ID", serverId,
                // short-lived access tokens, so that the test sees the WebUI refresh one
                "AAPF_ACCESS_TOKEN_TTL", "PT65S");
        for (List<String> user : List.of(List.of(USER, PASSWORD), List.of(ATTACKER, ATTACKER_PASSWORD))) {
            int added = run(List.of(java(), "-jar", JAR.toString(), "users", "add", user.get(0), "--password",
                    user.get(1)), env, dataDir.resolve("users-add.log"), Duration.ofMinutes(2));
            assertEquals(0, added, () -> "aapf users add failed:\n" + tail(dataDir.resolve("users-add.log")));
        }

        int granted = run(List.of(java(), "-jar", JAR.toString(), "users", "admin", USER, "--grant"), env,
                dataDir.resolve("users-admin.log"), Duration.ofMinutes(2));
        assertEquals(0, granted, () -> "aapf users admin failed:\n" + tail(dataDir.resolve("users-admin.log")));

        server = start(List.of(java(), "-jar", JAR.toString(), "serve"), env, dataDir.resolve("server.log"));
        String url = "http://127.0.0.1:" + port;
        awaitUp(url);

        Path log = ROOT.resolve("webui/target/e2e.log");
        Files.createDirectories(log.getParent());
        int exit = run(List.of("node", "--test", "--test-concurrency=1", "e2e/run.mjs"), Map.of(
                "AAPF_URL", url,
                "AAPF_E2E_USER", USER,
                "AAPF_E2E_PASSWORD", PASSWORD,
                "AAPF_E2E_USER_A", ATTACKER,
                "AAPF_E2E_PASSWORD_A", ATTACKER_PASSWORD,
                "AAPF_E2E_SCREENSHOTS", WEBUI.resolve("target/screenshots").toString(),
                "AAPF_E2E_CLUSTERS", REAL_CLUSTERS ? "1" : "0",
                "AAPF_E2E_ADMIN", "1"), log, Duration.ofMinutes(20));

        String output = Files.readString(log);
        System.out.println(summary(output));
        assertEquals(0, exit, () -> "browser tests failed (full output: " + log + "):\n" + tail(log)
                + "\nserver log:\n" + tail(dataDir.resolve("server.log")));
        assertTrue(output.contains("# fail 0"), "the runner reports no failure");
    }

    private static void ensureChromium() throws Exception {
        if (!Files.isExecutable(Path.of("/usr/bin/chromium"))) {
            Path script = ROOT.resolve("scripts/ensure-chromium.sh");
            int exit = run(List.of(script.toString()), Map.of(), Files.createTempFile("ensure-chromium", ".log"),
                    Duration.ofMinutes(10));
            assertEquals(0, exit, "scripts/ensure-chromium.sh failed");
        }
    }

    private static String java() {
        return ProcessHandle.current().info().command().orElse("java");
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }

    private Process start(List<String> command, Map<String, String> env, Path log) throws IOException {
        ProcessBuilder builder = new ProcessBuilder(command).directory(WEBUI.toFile())
                .redirectErrorStream(true).redirectOutput(log.toFile());
        builder.environment().putAll(env);
        return builder.start();
    }

    private static int run(List<String> command, Map<String, String> env, Path log, Duration timeout) throws Exception {
        ProcessBuilder builder = new ProcessBuilder(command).directory(WEBUI.toFile())
                .redirectErrorStream(true).redirectOutput(log.toFile());
        builder.environment().putAll(env);
        Process process = builder.start();
        try {
            if (!process.waitFor(timeout.toSeconds(), TimeUnit.SECONDS)) {
                throw new AssertionError("timed out after " + timeout + ": " + command + "\n" + tail(log));
            }
            return process.exitValue();
        } finally {
            process.descendants().forEach(ProcessHandle::destroyForcibly);
            process.destroyForcibly();
        }
    }

    private void awaitUp(String url) throws Exception {
        HttpClient client = HttpClient.newHttpClient();
        Instant deadline = Instant.now().plusSeconds(90);
        while (Instant.now().isBefore(deadline)) {
            assertTrue(server.isAlive(), () -> "the server stopped:\n" + tail(dataDir.resolve("server.log")));
            try {
                if (client.send(HttpRequest.newBuilder(URI.create(url + "/")).build(), BodyHandlers.discarding())
                        .statusCode() == 200) {
                    return;
                }
            } catch (IOException notYet) {
                // still starting
            }
            Thread.sleep(250);
        }
        throw new AssertionError("the server did not answer within 90 s:\n" + tail(dataDir.resolve("server.log")));
    }

    private static String summary(String tap) {
        return tap.lines().filter(line -> line.strip().startsWith("# ") || line.matches("\\s*(not )?ok \\d+ - .*"))
                .reduce("WebUI browser tests:", (all, line) -> all + "\n" + line);
    }

    private static String tail(Path log) {
        try {
            List<String> lines = Files.readAllLines(log);
            return String.join("\n", lines.subList(Math.max(0, lines.size() - 80), lines.size()));
        } catch (IOException e) {
            return "(no log: " + e.getMessage() + ")";
        }
    }
}

package org.aapf.bootstrap.ops;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * {@code aapf serve} with a bad configuration or an address it cannot have: exit code 2 and one line naming the key
 * and the fix, no trace.
 */
class ConfigurationErrorsIT {

    @TempDir
    Path dir;

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
        "unknown backend | AAPF_BACKEND=nomad | 'backend.type' (AAPF_BACKEND): use one of [docker, kubernetes]",
        "malformed catalogue | AAPF_CATALOGUE=catalogue.yaml | Catalogue catalogue.yaml is invalid",
        "unreachable database | AAPF_DB_URL=jdbc:postgresql://127.0.0.1:1/aapf | 'database.url' (AAPF_DB_URL)",
        "weak JWT secret | AAPF_JWT_SECRET=short | 'auth.jwtSecret' must be at least 32 bytes",
        "short metrics token | AAPF_METRICS_TOKEN=short | 'metrics.token' must be at least 16 characters",
        "not a JDBC URL | AAPF_DB_URL=foo | 'database.url' must be a PostgreSQL URL",
        "unsupported database | AAPF_DB_URL=jdbc:mysql://127.0.0.1/aapf | 'database.url' must be a PostgreSQL URL",
        "bad Docker address | DOCKER_HOST=garbage://x | 'garbage://x' from DOCKER_HOST is not a unix:// or tcp:// URI",
        "data directory under a file | AAPF_DATA_DIR=catalogue.yaml/data | Cannot create the data directory",
        "address of another machine | AAPF_HOST=192.0.2.1 | Cannot assign requested address: set an address of this"})
    void badConfiguration_stopsWithOneLineNamingTheKey(String problem, String variable, String expected)
            throws Exception {
        Files.writeString(dir.resolve("catalogue.yaml"), """
                images:
                  - repositoryName: broken
                    displayName: Broken
                    reference: aapf/testbox:1
                    launch: { httpPort: -1 }
                perfTypes: []
                """);
        String[] pair = variable.split("=", 2);

        Map<String, String> env = new HashMap<>(Map.of("AAPF_DATA_DIR", dir.resolve("data").toString(),
                "AAPF_HOST", "127.0.0.1", "AAPF_PORT", "0"));
        env.put(pair[0], pair[1]);

        assertStopsWithOneLine(env, expected);
    }

    @Test
    void aPortInUse_stopsWithOneLineNamingTheAddress() throws Exception {
        try (ServerSocket taken = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            int port = taken.getLocalPort();

            assertStopsWithOneLine(Map.of("AAPF_DATA_DIR", dir.resolve("data").toString(), "AAPF_HOST", "127.0.0.1",
                    "AAPF_PORT", Integer.toString(port)), "aapf: Cannot listen on 127.0.0.1:" + port
                    + ": Address already in use: stop what holds that address, or set another with 'server.host'");
        }
    }

    private void assertStopsWithOneLine(Map<String, String> env, String expected) throws Exception {
        try (AapfProcess aapf = AapfProcess.start(dir, env, "serve")) {
            int exit = aapf.awaitExit(Duration.ofSeconds(90));

            String stderr = aapf.stderr();
            assertEquals(2, exit, stderr);
            List<String> errors = stderr.lines().filter(line -> line.startsWith("aapf: ")).toList();
            assertEquals(1, errors.size(), stderr);
            assertTrue(errors.getFirst().contains(expected), errors.getFirst());
            assertFalse(stderr.lines().anyMatch(line -> line.startsWith("\tat ") || line.startsWith("Caused by")),
                    () -> "a stack trace was written:\n" + stderr);
        }
    }
}

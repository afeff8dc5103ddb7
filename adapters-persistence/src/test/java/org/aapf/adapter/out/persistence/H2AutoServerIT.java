package org.aapf.adapter.out.persistence;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.aapf.domain.user.User;
import org.aapf.domain.user.Username;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Two processes share one H2 file through {@code AUTO_SERVER=TRUE}, as the CLI does while the server runs. */
class H2AutoServerIT {

    @TempDir
    Path dataDir;

    @Test
    void secondProcessReadsAndWritesTheFileWhileTheFirstHoldsIt() throws Exception {
        try (Database server = Database.open(DatabaseSettings.h2File(dataDir))) {
            JdbiUserRepository users = new JdbiUserRepository(server.jdbi());
            users.add(User.register(new Username("server-user"), Accounts.HASH, Instant.now()));

            List<String> seenByCli = runProbe("cli-user");

            assertEquals(List.of("cli-user", "server-user"), seenByCli);
            assertTrue(users.findByUsername(new Username("cli-user")).isPresent());
        }
    }

    private List<String> runProbe(String username) throws IOException, InterruptedException {
        Path java = Path.of(System.getProperty("java.home"), "bin", "java");
        Process probe = new ProcessBuilder(java.toString(), "-Dh2.bindAddress=127.0.0.1",
                "-cp", System.getProperty("java.class.path"), H2FileProbe.class.getName(), dataDir.toString(), username)
                .redirectError(ProcessBuilder.Redirect.INHERIT)
                .start();
        try {
            assertTrue(probe.waitFor(120, TimeUnit.SECONDS), "probe process did not finish");
            String output = new String(probe.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            assertEquals(0, probe.exitValue(), output);
            return output.lines().toList();
        } finally {
            probe.destroyForcibly();
        }
    }
}

package org.aapf.examples.embedded;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Runs the example against the real Docker engine, as an embedder would, and checks it left nothing behind. */
class EmbeddedDockerExampleIT {

    private final String serverId = "example-" + UUID.randomUUID().toString().substring(0, 8);

    @BeforeEach
    void requireEngineAndImage() {
        try {
            docker("image", "inspect", EmbeddedDockerExample.IMAGE);
        } catch (IOException | InterruptedException | RuntimeException e) {
            throw new AssertionError("The Docker engine or " + EmbeddedDockerExample.IMAGE + " is missing: run "
                    + "scripts/ensure-docker.sh and images/build-test-images.sh first", e);
        }
    }

    @AfterEach
    void removeLeftovers() throws IOException, InterruptedException {
        for (String id : docker("ps", "-aq", "--filter", "label=org.aapf.server=" + serverId).split("\\s+")) {
            if (!id.isBlank()) {
                docker("rm", "-f", id);
            }
        }
        for (String id : docker("network", "ls", "-q", "--filter", "label=org.aapf.server=" + serverId).split("\\s+")) {
            if (!id.isBlank()) {
                docker("network", "rm", id);
            }
        }
    }

    @Test
    void example_createsAClusterOnDockerWaitsUntilReadyAndDeletesIt() throws Exception {
        ByteArrayOutputStream captured = new ByteArrayOutputStream();
        PrintStream out = new PrintStream(captured, true, StandardCharsets.UTF_8);

        new EmbeddedDockerExample(new PrintStream(new Tee(out, System.out), true, StandardCharsets.UTF_8), serverId)
                .run();

        String output = captured.toString(StandardCharsets.UTF_8);
        assertTrue(output.contains("AAPF started: server id " + serverId), output);
        assertTrue(output.contains("cluster demo is created: notebook ready, health healthy"), output);
        assertTrue(output.contains("event ready"), output);
        assertTrue(output.contains("cluster demo deleted; clusters of alice: 0"), output);
        assertTrue(output.strip().endsWith("AAPF closed"), output);
        assertEquals("", docker("ps", "-aq", "--filter", "label=org.aapf.server=" + serverId).strip(),
                "no container of the example is left");
        assertEquals("", docker("network", "ls", "-q", "--filter", "label=org.aapf.server=" + serverId).strip(),
                "no network of the example is left");
    }

    private static String docker(String... args) throws IOException, InterruptedException {
        String[] command = new String[args.length + 1];
        command[0] = "docker";
        System.arraycopy(args, 0, command, 1, args.length);
        Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
        String out = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (process.waitFor() != 0) {
            throw new IOException(String.join(" ", command) + " failed: " + out.strip());
        }
        return out;
    }

    /** Writes to two streams: the captured output and the build log. */
    private static final class Tee extends java.io.OutputStream {
        private final PrintStream first;
        private final PrintStream second;

        Tee(PrintStream first, PrintStream second) {
            this.first = first;
            this.second = second;
        }

        @Override
        public void write(int b) {
            first.write(b);
            second.write(b);
        }

        @Override
        public void write(byte[] bytes, int offset, int length) {
            first.write(bytes, offset, length);
            second.write(bytes, offset, length);
        }
    }
}

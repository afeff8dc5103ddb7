package org.aapf.bootstrap;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import java.util.logging.Logger;
import org.aapf.bootstrap.cli.AapfCommand;
import org.aapf.application.testing.LogCapture;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import picocli.CommandLine;

class CliTest {

    @TempDir
    Path dir;

    @ParameterizedTest
    @ValueSource(strings = {"", "serve", "doctor", "users", "users add", "users passwd", "users list", "users remove",
        "users limits", "users admin"})
    void everyCommandHasHelp(String command) {
        Result result = run((command + " --help").trim().split(" "));

        assertEquals(0, result.code());
        assertTrue(result.out().contains("Usage: aapf"), result.out());
    }

    @Test
    void usersAddListPasswdRemove_workOnTheConfiguredDatabase() throws IOException {
        Path config = dir.resolve("aapf.yaml");
        Files.writeString(config, "dataDir: " + dir.resolve("data") + "\n");

        assertEquals(0, run("users", "add", "alice", "--password", "alice-password", "--config", config.toString()).code());
        Result list = run("users", "list", "--config", config.toString());
        assertTrue(list.out().startsWith("alice\t"), list.out());
        assertEquals(0, run("users", "passwd", "alice", "--password", "new-password", "--config", config.toString())
                .code());
        assertEquals(0, run("users", "remove", "alice", "--config", config.toString()).code());
        assertEquals("", run("users", "list", "--config", config.toString()).out());
    }

    @Test
    void usersLimitsAndAdmin_setOverridesAndRights_andPrintLimitsWithUse() throws IOException {
        Path config = dir.resolve("aapf.yaml");
        Files.writeString(config, "dataDir: " + dir.resolve("data") + "\nlimits:\n  maxCpu: \"4\"\n");
        String file = config.toString();
        assertEquals(0, run("users", "add", "carol", "--password", "carol-password", "--config", file).code());

        Result set = run("users", "limits", "carol", "--max-clusters", "5", "--max-cpu", "0.5", "--config", file);

        assertEquals(0, set.code(), set.err());
        assertEquals("""
                maxClusters   0 of 5 AAClusters
                maxCpu        0 of 0.5 CPU
                maxMemoryMiB  0 of unlimited
                maxGpus       0 of unlimited
                """, set.out());
        assertTrue(run("users", "limits", "carol", "--reset", "--config", file).out()
                .contains("maxCpu        0 of 4 CPU"));
        assertEquals(2, run("users", "limits", "carol", "--max-gpus", "-1", "--config", file).code());
        assertEquals(2, run("users", "limits", "nobody", "--max-gpus", "1", "--config", file).code());
        assertEquals("carol is an admin.\n", run("users", "admin", "carol", "--grant", "--config", file).out());
        assertEquals("carol is not an admin.\n", run("users", "admin", "carol", "--revoke", "--config", file).out());
        assertEquals(2, run("users", "admin", "carol", "--config", file).code());
    }

    @Test
    void oneShotCommands_logOnlyWarnings_andLeaveTheLogLevelAsTheyFoundIt() throws IOException {
        Path config = dir.resolve("aapf.yaml");
        Files.writeString(config, "dataDir: " + dir.resolve("data") + "\n");
        Level before = Logger.getLogger("org.aapf").getLevel();
        try (LogCapture log = new LogCapture()) {
            Result added = run("users", "add", "alice", "--password", "alice-password", "--config", config.toString());

            assertEquals(0, added.code(), added.err());
            assertTrue(added.out().startsWith("Added user alice ("), added.out());
            assertEquals(List.of(), log.records().stream()
                    .filter(r -> r.getLoggerName() != null && r.getLoggerName().startsWith("org.aapf."))
                    .filter(r -> r.getLevel().intValue() < Level.WARNING.intValue())
                    .map(LogRecord::getMessage).toList());
            assertEquals(before, Logger.getLogger("org.aapf").getLevel());
        }
    }

    @Test
    void userErrors_areOneLineWithoutAStackTrace() throws IOException {
        Path config = dir.resolve("aapf.yaml");
        Files.writeString(config, "dataDir: " + dir.resolve("data") + "\n");

        Result weak = run("users", "add", "bob", "--password", "short", "--config", config.toString());

        assertEquals(2, weak.code());
        assertEquals("aapf: 'password' must be at least 8 characters", weak.err().strip());
    }

    @Test
    void configurationErrors_nameTheKey() throws IOException {
        Path config = dir.resolve("aapf.yaml");
        Files.writeString(config, "backend:\n  typo: docker\n");

        Result result = run("users", "list", "--config", config.toString());

        assertEquals(2, result.code());
        assertTrue(result.err().contains("'backend.typo'"), result.err());
    }

    private record Result(int code, String out, String err) {
    }

    private static Result run(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        CommandLine commandLine = AapfCommand.commandLine();
        commandLine.setOut(new PrintWriter(out, true));
        commandLine.setErr(new PrintWriter(err, true));
        int code = commandLine.execute(args);
        return new Result(code, out.toString(), err.toString());
    }
}

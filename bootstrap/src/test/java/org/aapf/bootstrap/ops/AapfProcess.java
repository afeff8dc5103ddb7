package org.aapf.bootstrap.ops;

import java.io.IOException;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * {@code java -jar bootstrap/target/aapf.jar ...} as a real process (the jar is packaged before Failsafe runs), with
 * its standard error kept in a file. Closing kills it if it still runs.
 */
final class AapfProcess implements AutoCloseable {

    static final Path JAR = Path.of("target", "aapf.jar");

    private final Process process;
    private final Path stderr;

    private AapfProcess(Process process, Path stderr) {
        this.process = process;
        this.stderr = stderr;
    }

    static AapfProcess start(Path workDir, Map<String, String> environment, String... args) throws IOException {
        if (!Files.isRegularFile(JAR)) {
            throw new AssertionError(JAR.toAbsolutePath() + " is missing: run the integration tests with 'mvn verify'");
        }
        List<String> command = new ArrayList<>(List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-jar",
                JAR.toAbsolutePath().toString()));
        command.addAll(List.of(args));
        Path stderr = Files.createTempFile(workDir, "stderr-", ".log");
        ProcessBuilder builder = new ProcessBuilder(command).directory(workDir.toFile())
                .redirectError(stderr.toFile())
                .redirectOutput(ProcessBuilder.Redirect.DISCARD);
        builder.environment().keySet().removeIf(key -> key.startsWith("AAPF_"));
        builder.environment().putAll(environment);
        return new AapfProcess(builder.start(), stderr);
    }

    static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }

    /** Waits until standard error contains {@code text}; fails if the process ends first. */
    void awaitLog(String text, Duration timeout) throws IOException, InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (!stderr().contains(text)) {
            if (!process.isAlive() || System.nanoTime() > deadline) {
                throw new AssertionError("no '" + text + "' in the server's log ("
                        + (process.isAlive() ? "still running" : "exit code " + process.exitValue()) + "):\n"
                        + stderr());
            }
            Thread.sleep(200);
        }
    }

    /** Sends SIGTERM ({@link Process#destroy()}) and returns the exit code. */
    int terminate(Duration timeout) throws InterruptedException {
        process.destroy();
        return awaitExit(timeout);
    }

    /** Sends SIGKILL: the process dies at once, with no chance to give anything up. */
    void kill() throws InterruptedException {
        process.destroyForcibly();
        process.waitFor(30, TimeUnit.SECONDS);
    }

    /** Sends {@code SIGSTOP} or {@code SIGCONT} (the name without "SIG"): freezes or thaws every thread at once. */
    void signal(String name) throws IOException, InterruptedException {
        Process kill = new ProcessBuilder("kill", "-" + name, Long.toString(process.pid())).inheritIO().start();
        if (kill.waitFor() != 0) {
            throw new IOException("kill -" + name + " " + process.pid() + " failed");
        }
    }

    int awaitExit(Duration timeout) throws InterruptedException {
        if (!process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
            throw new AssertionError("the process did not end within " + timeout);
        }
        return process.exitValue();
    }

    String stderr() throws IOException {
        return Files.readString(stderr, StandardCharsets.UTF_8);
    }

    @Override
    public void close() throws InterruptedException {
        if (process.isAlive()) {
            // SIGKILL ends a stopped (SIGSTOP) process as well
            process.destroyForcibly();
            process.waitFor(30, TimeUnit.SECONDS);
        }
    }
}

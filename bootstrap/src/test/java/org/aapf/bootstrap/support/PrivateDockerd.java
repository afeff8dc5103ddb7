package org.aapf.bootstrap.support;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Comparator;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * A Docker engine of a test's own (own socket, data-root, exec-root and pidfile; no default bridge, no iptables,
 * address pool apart from the shared engine's), so that a test may stop and start an engine without touching the
 * shared one. Needs root and dockerd; {@link #available()} says whether this machine has both.
 */
public final class PrivateDockerd implements AutoCloseable {

    private static final Duration WAIT = Duration.ofSeconds(60);

    private final Path dir;
    private Process process;

    private PrivateDockerd(Path dir) {
        this.dir = dir;
    }

    public static boolean available() {
        return "root".equals(System.getProperty("user.name")) && Files.isExecutable(Path.of("/usr/sbin/dockerd"));
    }

    /** Starts a new engine under a fresh directory in /var/tmp (a unix socket path must stay short). */
    public static PrivateDockerd start() throws IOException, InterruptedException {
        Path dir = Files.createDirectories(Path.of("/var/tmp", "aapf-dockerd-" + UUID.randomUUID().toString()
                .substring(0, 8)));
        PrivateDockerd dockerd = new PrivateDockerd(dir);
        dockerd.launch();
        return dockerd;
    }

    /** {@code unix://…/docker.sock}, for {@code backend.docker.host}. */
    public String host() {
        return "unix://" + dir.resolve("docker.sock");
    }

    /** Copies an image of the shared engine into this one. */
    public void load(String image) throws IOException, InterruptedException {
        Docker.exec("sh", "-c", "docker save " + image + " | docker -H " + host() + " load");
    }

    /** {@code docker -H <this engine> args…}, failing with its output when it fails. */
    public String docker(String... args) throws IOException, InterruptedException {
        return Docker.exec(Stream.concat(Stream.of("docker", "-H", host()), Stream.of(args)).toArray(String[]::new));
    }

    /** Stops the engine as a host shutdown would (SIGTERM: it stops its containers, then exits). */
    public void stop() throws InterruptedException {
        if (process != null && process.isAlive()) {
            process.destroy();
            if (!process.waitFor(WAIT.toSeconds(), TimeUnit.SECONDS)) {
                process.destroyForcibly().waitFor();
            }
        }
        process = null;
    }

    /** Starts the engine again over the same data. */
    public void restart() throws IOException, InterruptedException {
        stop();
        launch();
    }

    @Override
    public void close() throws IOException, InterruptedException {
        stop();
        try (Stream<Path> files = Files.walk(dir)) {
            files.sorted(Comparator.reverseOrder()).forEach(path -> path.toFile().delete());
        }
    }

    private void launch() throws IOException, InterruptedException {
        process = new ProcessBuilder(List.of("/usr/sbin/dockerd", "--data-root", dir.resolve("data").toString(),
                "--exec-root", dir.resolve("exec").toString(), "--pidfile", dir.resolve("dockerd.pid").toString(),
                "-H", host(), "--bridge=none", "--iptables=false", "--ip6tables=false", "--storage-driver=overlay2",
                "--default-address-pool", "base=10.231.0.0/16,size=24"))
                .redirectErrorStream(true).redirectOutput(dir.resolve("dockerd.log").toFile()).start();
        long deadline = System.nanoTime() + WAIT.toNanos();
        while (true) {
            try {
                docker("info");
                return;
            } catch (IOException notYet) {
                if (!process.isAlive() || System.nanoTime() > deadline) {
                    throw new IOException("the private dockerd did not start; see " + dir.resolve("dockerd.log"),
                            notYet);
                }
                Thread.sleep(250);
            }
        }
    }
}

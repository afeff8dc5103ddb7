package org.aapf.bootstrap.support;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * A Docker engine of a test's own, which the test may stop and start again (the machine's shared engine and what runs
 * on it are never touched): a second {@code dockerd} with its data, exec root, socket and containerd namespace in a
 * temporary directory. It shares the host's network namespace, so ports it publishes on 127.0.0.1 are reachable as
 * the shared engine's are. Its default bridge is one the test creates ({@code --bridge=aapf-e…}, never the shared
 * engine's {@code docker0}: a dockerd told {@code --bridge=none} deletes {@code docker0} at start) and its networks
 * take addresses from a pool of its own. Needs root, as {@code dockerd} and {@code ip link} do.
 * {@link #close()} removes everything it ran, stops it and deletes the directory.
 */
public final class PrivateDockerEngine implements AutoCloseable {

    private static final Duration START = Duration.ofSeconds(60);
    private static final Duration STOP = Duration.ofSeconds(60);
    private static final String ADDRESS_POOL = "base=10.231.0.0/16,size=24";
    private static final String BRIDGE_ADDRESS = "10.232.0.1/24";

    private final Path dir;
    private final String storageDriver;
    private Process dockerd;

    private PrivateDockerEngine(Path dir, String storageDriver) {
        this.dir = dir;
        this.storageDriver = storageDriver;
    }

    /**
     * Starts an engine with the shared engine's storage driver and copies {@code images} into it from the shared
     * engine (no registry is reachable here).
     */
    public static PrivateDockerEngine start(String... images) {
        Path dir = tempDir();
        PrivateDockerEngine engine = null;
        try {
            engine = new PrivateDockerEngine(dir, Docker.exec("docker", "info", "--format", "{{.Driver}}").strip());
            Files.writeString(dir.resolve("daemon.json"), "{}");
            engine.createBridge();
            engine.startAgain();
            for (String image : images) {
                Docker.exec("sh", "-c", "docker save " + image + " | docker -H " + engine.host() + " load");
            }
            return engine;
        } catch (IOException e) {
            close(engine, dir);
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            close(engine, dir);
            throw new IllegalStateException(e);
        } catch (RuntimeException | Error e) {
            close(engine, dir);
            throw e;
        }
    }

    /** The address to give AAPF as {@code DOCKER_HOST}. */
    public String host() {
        return "unix://" + dir.resolve("docker.sock");
    }

    /** Runs the docker CLI against this engine; returns its output, failing with it when the command fails. */
    public String docker(String... args) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>(List.of("docker", "-H", host()));
        command.addAll(List.of(args));
        return Docker.exec(command.toArray(String[]::new));
    }

    /** The ids of the running containers carrying the label. */
    public List<String> runningContainers(String labelFilter) throws IOException, InterruptedException {
        String out = docker("ps", "-q", "--no-trunc", "--filter", "label=" + labelFilter);
        return Arrays.stream(out.strip().split("\\s+")).filter(id -> !id.isBlank()).sorted().toList();
    }

    /** The names of the volumes carrying the label. */
    public List<String> volumes(String labelFilter) throws IOException, InterruptedException {
        String out = docker("volume", "ls", "-q", "--filter", "label=" + labelFilter);
        return Arrays.stream(out.strip().split("\\s+")).filter(name -> !name.isBlank()).sorted().toList();
    }

    /**
     * Restarts the engine the way {@code systemctl restart docker} does: {@code dockerd} is asked to stop, stops every
     * container on its way out (none has a restart policy), and a new one starts on the same images, containers and
     * volumes, but without the networks.
     */
    public void restart() throws IOException, InterruptedException {
        stop();
        // dockerd 20.10 with a --bridge of its own, starting again over a stored default network, deletes the link
        // named docker0 (the shared engine's) while it clears that network; without its network store it starts as
        // it first did, and the clusters' networks must be made again, as after a reset engine.
        Files.deleteIfExists(dir.resolve("data/network/files/local-kv.db"));
        startAgain();
    }

    private void startAgain() throws IOException, InterruptedException {
        dockerd = new ProcessBuilder("dockerd", "--config-file", dir.resolve("daemon.json").toString(),
                "--data-root", dir.resolve("data").toString(), "--exec-root", dir.resolve("exec").toString(),
                "--pidfile", dir.resolve("dockerd.pid").toString(), "--host", host(),
                "--storage-driver", storageDriver, "--bridge", bridge(), "--iptables=false", "--ip6tables=false",
                "--default-address-pool", ADDRESS_POOL, "--containerd-namespace", namespace(),
                "--containerd-plugins-namespace", namespace() + "-plugins")
                .redirectErrorStream(true).redirectOutput(dir.resolve("dockerd.log").toFile()).start();
        long deadline = System.nanoTime() + START.toNanos();
        while (Docker.execIgnoringFailure("docker", "-H", host(), "info") != 0) {
            if (!dockerd.isAlive() || System.nanoTime() > deadline) {
                throw new IllegalStateException("the private dockerd did not answer; its log:\n"
                        + Files.readString(dir.resolve("dockerd.log"), StandardCharsets.UTF_8));
            }
            Thread.sleep(200);
        }
    }

    private void stop() throws InterruptedException {
        if (dockerd == null || !dockerd.isAlive()) {
            return;
        }
        dockerd.destroy();
        if (!dockerd.waitFor(STOP.toSeconds(), TimeUnit.SECONDS)) {
            dockerd.destroyForcibly().waitFor();
        }
    }

    /** The engine's default bridge, made here (dockerd uses but never creates a bridge named by {@code --bridge}). */
    private void createBridge() throws IOException, InterruptedException {
        Docker.exec("ip", "link", "add", "name", bridge(), "type", "bridge");
        Docker.exec("ip", "addr", "add", BRIDGE_ADDRESS, "dev", bridge());
        Docker.exec("ip", "link", "set", bridge(), "up");
    }

    /** An interface name (15 characters at most) of this engine's own. */
    private String bridge() {
        return "aapf-e" + Integer.toHexString(dir.getFileName().toString().hashCode() & 0xfffffff);
    }

    private String namespace() {
        return "aapf-test-" + dir.getFileName().toString().replaceAll("[^a-zA-Z0-9]", "");
    }

    @Override
    public void close() {
        close(this, dir);
    }

    /**
     * Removes what the engine holds (its bridges live in the host's namespace), stops it and deletes its files; each
     * step is attempted whatever the one before did.
     */
    private static void close(PrivateDockerEngine engine, Path dir) {
        try {
            if (engine != null && engine.dockerd != null && engine.dockerd.isAlive()) {
                String cli = "docker -H " + engine.host();
                Docker.execIgnoringFailure("sh", "-c", cli + " ps -aq | xargs -r " + cli + " rm -f");
                Docker.execIgnoringFailure("sh", "-c", cli + " network prune -f");
                Docker.execIgnoringFailure("sh", "-c", cli + " volume ls -q | xargs -r " + cli + " volume rm -f");
                engine.stop();
            }
            if (engine != null) {
                Docker.execIgnoringFailure("ip", "link", "del", engine.bridge());
            }
            Docker.execIgnoringFailure("rm", "-rf", dir.toString());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static Path tempDir() {
        try {
            return Files.createTempDirectory("aapf-engine-");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}

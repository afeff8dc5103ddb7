package org.aapf.bootstrap.support;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.aapf.application.port.out.WarmInstance;
import org.aapf.application.port.out.WarmInstanceRepository;

/**
 * A server on the real Docker engine with the shipped catalogue plus a warm pool of one
 * ({@code aa_jupyter_notebook/small}) and user {@code user1} logged in. A 2 s lease makes the claim grace (six lease
 * ttls) 12 s, so a lost claim is removed within a test. Closing stops the server and removes everything the engine
 * holds under its server id.
 */
public final class PooledDockerServer implements AutoCloseable {

    public static final String POOL = "aa_jupyter_notebook/small";
    /** How long a notebook (warm or not) may take to become ready. */
    public static final Duration READY = Duration.ofMinutes(3);

    private final String label;
    private final Path catalogue;
    private TestServer server;
    private String token;

    private PooledDockerServer(String serverId, Path catalogue) {
        this.label = "org.aapf.server=" + serverId;
        this.catalogue = catalogue;
    }

    /** @param serverIdPrefix names the test's server id, which labels everything it makes on the engine */
    public static PooledDockerServer start(String serverIdPrefix) throws IOException, InterruptedException {
        Docker.requireEngineAndImage("aapf/jupyter-notebook:6.4");
        String serverId = serverIdPrefix + "-" + UUID.randomUUID().toString().substring(0, 8);
        PooledDockerServer started = new PooledDockerServer(serverId,
                Files.createTempFile("aapf-catalogue", ".yaml"));
        try {
            try (InputStream shipped = PooledDockerServer.class.getResourceAsStream("/aapf-catalogue.yaml")) {
                String text = new String(shipped.readAllBytes(), StandardCharsets.UTF_8);
                assertTrue(text.contains("\npools: []"), "the shipped catalogue lists no pools");
                Files.writeString(started.catalogue, text.replace("\npools: []",
                        "\npools: [{image: aa_jupyter_notebook, perfType: small, size: 1}]"));
            }
            started.server = TestServer.startWithConfiguredBackend(Map.of("AAPF_SERVER_ID", serverId,
                    "AAPF_BACKEND", "docker"), "catalogue: " + started.catalogue
                    + "\nclusters:\n  leaseTtl: PT2S\n  resyncInterval: PT2S\n");
            started.server.addUser("user1", "user1pass");
            started.token = started.server.api().login("user1", "user1pass").text("accessToken");
            return started;
        } catch (IOException | RuntimeException e) {
            started.close();
            throw e;
        }
    }

    public TestServer server() {
        return server;
    }

    /** user1's access token. */
    public String token() {
        return token;
    }

    /** The label filter of everything this server made on the engine. */
    public String label() {
        return label;
    }

    /** Waits for a ready, unclaimed warm instance other than {@code not}, waking the reconciler meanwhile. */
    public WarmInstance awaitReady(Optional<WarmInstance> not) throws InterruptedException {
        WarmInstanceRepository warm = server.server().component().warmInstances();
        long deadline = System.nanoTime() + READY.toNanos();
        while (System.nanoTime() < deadline) {
            Optional<WarmInstance> ready = warm.listAll().stream()
                    .filter(instance -> instance.state() == WarmInstance.State.READY)
                    .filter(instance -> not.map(other -> !other.id().equals(instance.id())).orElse(true))
                    .findFirst();
            if (ready.isPresent()) {
                return ready.get();
            }
            server.server().component().reconciler().wake();
            Thread.sleep(250);
        }
        throw new AssertionError("no warm instance became ready: " + warm.listAll());
    }

    /** Waits until {@code check} holds, waking the reconciler meanwhile. */
    public void await(String what, Check check) throws Exception {
        long deadline = System.nanoTime() + READY.toNanos();
        while (!check.holds()) {
            assertTrue(System.nanoTime() < deadline, "timed out waiting for " + what);
            server.server().component().reconciler().wake();
            Thread.sleep(500);
        }
    }

    @Override
    public void close() throws IOException, InterruptedException {
        try {
            if (server != null) {
                server.close();
            }
        } finally {
            Docker.removeEverythingLabelled(label);
            Files.deleteIfExists(catalogue);
        }
    }

    /** A condition that may need the engine to answer. */
    @FunctionalInterface
    public interface Check {
        boolean holds() throws Exception;
    }
}

package org.aapf.adapter.out.docker;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import org.aapf.application.port.out.Endpoint;
import org.aapf.application.port.out.InstanceRef;
import org.aapf.domain.cluster.ClusterId;
import org.aapf.domain.cluster.ServiceKind;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** A notebook that stops answering its health path, then answers again, as a pass after pass sees it. */
@Timeout(60)
class ProbedHealthTest {

    private static final InstanceRef REF = new InstanceRef(ClusterId.random(), ServiceKind.JUPYTER_NOTEBOOK, 1);

    private final CompletableFuture<InstanceRef> recovered = new CompletableFuture<>();
    private final ProbedHealth health = new ProbedHealth(new HttpHealthProbe(Duration.ofSeconds(1)),
            recovered::complete);
    private final AtomicBoolean answering = new AtomicBoolean();
    private final AtomicInteger requests = new AtomicInteger();
    private final CountDownLatch testOver = new CountDownLatch(1);
    private HttpServer server;
    private Endpoint endpoint;

    @BeforeEach
    void start() throws IOException {
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.setExecutor(command -> Thread.ofVirtual().start(command));
        server.createContext("/api", exchange -> {
            requests.incrementAndGet();
            try (exchange) {
                if (!answering.get()) {
                    testOver.await(); // silent, as a stopped process: the probe gives up at its timeout
                }
                exchange.sendResponseHeaders(200, -1);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        });
        server.start();
        endpoint = new Endpoint("127.0.0.1", server.getAddress().getPort());
    }

    @AfterEach
    void stop() {
        testOver.countDown();
        server.stop(0);
    }

    @Test
    void onceAProbeFailed_passesDoNotWait_oneRetryRunsInTheBackground_andItsSuccessWakes() throws Exception {
        assertFalse(health.healthy("c1", REF, endpoint, "/api"), "the first probe waits for its timeout");

        for (int pass = 0; pass < 5; pass++) {
            assertFalse(health.healthy("c1", REF, endpoint, "/api"));
        }
        awaitRequests(2);
        assertEquals(2, requests.get(), "five passes started one retry, none waited for it");

        answering.set(true);
        while (!recovered.isDone()) { // passes go on; once the silent retry timed out, the next one succeeds
            health.healthy("c1", REF, endpoint, "/api");
            Thread.sleep(50);
        }
        assertEquals(REF, recovered.get());
        assertTrue(health.healthy("c1", REF, endpoint, "/api"), "after recovery the pass probes it as usual");
    }

    @Test
    void aContainerThatIsGone_isForgotten() {
        assertFalse(health.healthy("c1", REF, endpoint, "/api"));
        health.retainOnly(List.of());
        answering.set(true);

        assertTrue(health.healthy("c1", REF, endpoint, "/api"), "probed afresh, not answered from what was known");
    }

    private void awaitRequests(int count) throws InterruptedException {
        for (int i = 0; i < 500 && requests.get() < count; i++) {
            Thread.sleep(10);
        }
    }
}

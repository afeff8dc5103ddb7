package org.aapf.adapter.out.docker;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
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

/**
 * The health probe, and what passes make of its answers ({@link ProbedHealth}), against a loopback server answering as
 * a well-behaved, a failing and a hostile service would, and as a notebook that stops answering and comes back.
 */
@Timeout(60)
class HealthProbingTest {

    private static final InstanceRef REF = new InstanceRef(ClusterId.random(), ServiceKind.JUPYTER_NOTEBOOK, 1);

    private final HttpHealthProbe probe = new HttpHealthProbe(Duration.ofSeconds(1));
    private final CompletableFuture<InstanceRef> recovered = new CompletableFuture<>();
    private final ProbedHealth health = new ProbedHealth(probe, recovered::complete);
    private final CompletableFuture<IOException> dripEnd = new CompletableFuture<>();
    private final AtomicBoolean answering = new AtomicBoolean();
    private final AtomicInteger requests = new AtomicInteger();
    private final CountDownLatch testOver = new CountDownLatch(1);
    private HttpServer server;
    private Endpoint endpoint;

    @BeforeEach
    void start() throws IOException {
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.setExecutor(command -> Thread.ofVirtual().start(command));
        server.createContext("/ok", exchange -> {
            exchange.sendResponseHeaders(200, -1);
            exchange.close();
        });
        server.createContext("/failing", exchange -> {
            exchange.sendResponseHeaders(500, -1);
            exchange.close();
        });
        server.createContext("/drip", exchange -> {
            exchange.sendResponseHeaders(200, 0);
            try (OutputStream body = exchange.getResponseBody()) {
                for (int i = 0; i < 600; i++) {
                    body.write(' ');
                    body.flush();
                    Thread.sleep(100);
                }
                dripEnd.complete(null);
            } catch (IOException e) {
                dripEnd.complete(e);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        });
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
    void a2xxIsHealthy_andAnotherStatusIsNot() {
        assertTrue(probe.isHealthy(endpoint, "/ok"));
        assertFalse(probe.isHealthy(endpoint, "/failing"));
    }

    @Test
    void anAnswerThatDrips_isUnhealthyAtTheTimeout_andTheConnectionIsDropped() throws Exception {
        assertFalse(probe.isHealthy(endpoint, "/drip"));
        assertTrue(dripEnd.get(10, TimeUnit.SECONDS) != null, "the service's writes fail once the probe gives up");
    }

    @Test
    void onceAProbeFailed_passesDoNotWait_oneRetryRunsInTheBackground_andItsSuccessWakes() throws Exception {
        assertFalse(health.healthy("c1", REF, endpoint, "/api"), "the first probe waits for its timeout");

        for (int pass = 0; pass < 5; pass++) {
            assertFalse(health.healthy("c1", REF, endpoint, "/api"));
        }
        for (int i = 0; i < 500 && requests.get() < 2; i++) {
            Thread.sleep(10);
        }
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
}

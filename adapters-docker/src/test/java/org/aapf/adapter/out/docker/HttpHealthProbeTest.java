package org.aapf.adapter.out.docker;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.aapf.application.port.out.Endpoint;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** The health probe against a loopback server answering as a well-behaved, a failing and a hostile service would. */
@Timeout(60)
class HttpHealthProbeTest {

    private final HttpHealthProbe probe = new HttpHealthProbe(Duration.ofSeconds(1));
    private final CompletableFuture<IOException> dripEnd = new CompletableFuture<>();
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
        server.start();
        endpoint = new Endpoint("127.0.0.1", server.getAddress().getPort());
    }

    @AfterEach
    void stop() {
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
}

package org.aapf.adapter.out.spark;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Optional;
import java.util.Set;
import org.aapf.application.port.out.Endpoint;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class HttpSparkMasterMonitorTest {

    private static final String MASTER_JSON = """
            {"url" : "spark://spark-master:7077",
             "workers" : [
               {"id" : "worker-1", "host" : "spark-worker-1", "port" : 40581, "state" : "ALIVE"},
               {"id" : "worker-2", "host" : "spark-worker-2", "port" : 40582, "state" : "DEAD"},
               {"id" : "worker-3", "host" : "spark-worker-3", "port" : 40583, "state" : "ALIVE"} ],
             "aliveworkers" : 2, "status" : "ALIVE"}""";

    private final HttpSparkMasterMonitor monitor = new HttpSparkMasterMonitor(Duration.ofSeconds(2));
    private HttpServer server;

    @AfterEach
    void stop() {
        if (server != null) {
            server.stop(0);
        }
    }

    @Test
    void aliveWorkersAreListedByHost_deadOnesAreNot() throws IOException {
        Endpoint master = serve(200, MASTER_JSON);

        assertEquals(Optional.of(Set.of("spark-worker-1", "spark-worker-3")), monitor.aliveWorkerHosts(master));
    }

    @Test
    void aMasterThatAnswersBadlyOrNotAtAll_isUnknown() throws IOException {
        assertEquals(Optional.empty(), monitor.aliveWorkerHosts(serve(503, "{}")));
        assertEquals(Optional.empty(), monitor.aliveWorkerHosts(serve(200, "not json")));
        server.stop(0);
        assertEquals(Optional.empty(), monitor.aliveWorkerHosts(new Endpoint("127.0.0.1", 9)));
    }

    private Endpoint serve(int status, String body) throws IOException {
        if (server != null) {
            server.stop(0);
        }
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.createContext("/json/", exchange -> {
            byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
            exchange.sendResponseHeaders(status, bytes.length);
            exchange.getResponseBody().write(bytes);
            exchange.close();
        });
        server.start();
        return new Endpoint("127.0.0.1", server.getAddress().getPort());
    }
}

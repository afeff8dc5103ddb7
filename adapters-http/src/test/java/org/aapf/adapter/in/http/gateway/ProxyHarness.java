package org.aapf.adapter.in.http.gateway;

import java.net.URI;

import io.helidon.webserver.WebServer;
import io.helidon.webserver.http.HttpRouting;

/**
 * The gateway on a free loopback port, wired as the bootstrap does: in front of a Helidon server (here one with no
 * routes), serving notebooks by the {@link #routes} the test sets.
 */
final class ProxyHarness implements AutoCloseable {

    final FakeNotebookRoutes routes = new FakeNotebookRoutes();
    private final WebServer server;
    private final Gateway gateway;

    ProxyHarness(ProxySettings settings) {
        server = WebServer.builder()
                .host("127.0.0.1")
                .port(0)
                .routing(HttpRouting.builder())
                .build()
                .start();
        gateway = Gateway.start("127.0.0.1", 0, server.port(), ListenerLimits.defaults(),
                new NotebookAdmission(routes, settings));
    }

    int port() {
        return gateway.port();
    }

    String origin() {
        return "http://127.0.0.1:" + port();
    }

    URI http(String pathAndQuery) {
        return URI.create(origin() + pathAndQuery);
    }

    URI ws(String pathAndQuery) {
        return URI.create("ws://127.0.0.1:" + port() + pathAndQuery);
    }

    @Override
    public void close() {
        gateway.close();
        server.stop();
    }
}

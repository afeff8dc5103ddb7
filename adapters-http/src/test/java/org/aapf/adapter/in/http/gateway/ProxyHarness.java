package org.aapf.adapter.in.http.gateway;

import java.net.URI;

import io.helidon.webserver.WebServer;
import io.helidon.webserver.http.HttpRouting;
import io.helidon.webserver.websocket.WsRouting;

/**
 * A Helidon server on a free loopback port serving only the notebook proxy, wired as the bootstrap would: with the
 * front listener ({@link ProxyFront}) before it when the system property {@value #FRONT_PROPERTY} is {@code true} (the
 * build runs the proxy tests both ways), else Helidon alone, as a host that mounts the proxy on its own server has it.
 */
final class ProxyHarness implements AutoCloseable {

    static final String FRONT_PROPERTY = "aapf.test.proxyFront";

    final FakeNotebookRoutes routes = new FakeNotebookRoutes();
    private final NotebookProxy proxy;
    private final WebServer server;
    private final ProxyFront front;

    ProxyHarness(ProxySettings settings) {
        proxy = new NotebookProxy(routes, settings);
        HttpRouting.Builder http = HttpRouting.builder();
        proxy.register(http);
        WsRouting.Builder ws = WsRouting.builder();
        proxy.register(ws);
        server = WebServer.builder()
                .host("127.0.0.1")
                .port(0)
                .addProtocol(proxy.webSocketProtocol())
                .routing(http)
                .addRouting(ws)
                .build()
                .start();
        front = Boolean.getBoolean(FRONT_PROPERTY) ? ProxyFront.start("127.0.0.1", 0, server.port(), proxy) : null;
    }

    int port() {
        return front != null ? front.port() : server.port();
    }

    /** Whether requests go through the front listener. */
    static boolean throughFront() {
        return Boolean.getBoolean(FRONT_PROPERTY);
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
        if (front != null) {
            front.close();
        }
        server.stop();
        proxy.close();
    }
}

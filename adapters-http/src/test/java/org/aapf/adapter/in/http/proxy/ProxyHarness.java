package org.aapf.adapter.in.http.proxy;

import java.net.URI;

import io.helidon.webserver.WebServer;
import io.helidon.webserver.http.HttpRouting;
import io.helidon.webserver.websocket.WsRouting;

/** A Helidon server on a free loopback port serving only the notebook proxy, wired as the bootstrap would. */
final class ProxyHarness implements AutoCloseable {

    final FakeNotebookRoutes routes = new FakeNotebookRoutes();
    private final NotebookProxy proxy;
    private final WebServer server;

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
    }

    int port() {
        return server.port();
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
        server.stop();
        proxy.close();
    }
}

package org.aapf.embedded;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.helidon.webserver.WebServer;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Clock;
import java.util.UUID;
import org.aapf.adapter.in.http.gateway.Gateway;
import org.aapf.application.port.in.AddUserUseCase.AddUserCommand;
import org.aapf.application.testing.FakeClusterBackend;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The host's own Helidon server with its own route and AAPF's API mounted next to it, behind AAPF's gateway, which
 * serves the notebooks and relays the rest to that server.
 */
class AapfHttpIT {

    private static final HttpClient HTTP = HttpClient.newHttpClient();

    private Aapf aapf;
    private WebServer server;
    private Gateway gateway;

    @BeforeEach
    void start() {
        aapf = Aapf.builder().jdbcUrl("jdbc:h2:mem:aapf-" + UUID.randomUUID(), "sa", "")
                .backend(new FakeClusterBackend(Clock.systemUTC())).build().start();
        aapf.users().add().addUser(new AddUserCommand("carol", "carol-password"));
        AapfHttp http = aapf.http();
        server = WebServer.builder()
                .host("127.0.0.1")
                .port(0)
                .shutdownHook(false)
                .routing(routing -> {
                    routing.get("/host/hello", (req, res) -> res.send("hello from the host"));
                    http.register(routing);
                })
                .build()
                .start();
        gateway = http.startGateway("127.0.0.1", 0, server.port());
    }

    @AfterEach
    void stop() {
        gateway.close();
        server.stop();
        aapf.close();
    }

    @Test
    void hostRoute_andMountedApi_answerOnTheSameServer() throws Exception {
        assertEquals("hello from the host", send(get("/host/hello")).body());

        HttpResponse<String> login = send(HttpRequest.newBuilder(uri("/api/v1/login"))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString("{\"username\":\"carol\",\"password\":\"carol-password\"}")));
        assertEquals(200, login.statusCode(), login.body());
        String token = login.body().replaceAll(".*\"accessToken\"\\s*:\\s*\"([^\"]+)\".*", "$1");

        HttpResponse<String> clusters = send(get("/api/v1/aaclusters").header("Authorization", "Bearer " + token));
        assertEquals(200, clusters.statusCode(), clusters.body());
        assertEquals(401, send(get("/api/v1/aaclusters")).statusCode());
    }

    @Test
    void gateway_refusesAnUnknownNotebook() throws Exception {
        HttpResponse<String> response = send(get("/proxy/unknown0000000000000/jupyter/api/status"));

        assertEquals(404, response.statusCode());
        assertTrue(response.body().contains("\"message\""), response.body());
    }

    private HttpRequest.Builder get(String path) {
        return HttpRequest.newBuilder(uri(path)).GET();
    }

    private URI uri(String path) {
        return URI.create("http://127.0.0.1:" + gateway.port() + path);
    }

    private static HttpResponse<String> send(HttpRequest.Builder request) throws Exception {
        return HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }
}

package org.aapf.adapter.in.http;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpRequest.BodyPublishers;
import java.net.http.HttpResponse;
import java.net.http.HttpResponse.BodyHandlers;
import java.util.ArrayList;
import java.util.List;
import java.util.logging.Level;
import java.util.logging.Logger;
import com.fasterxml.jackson.databind.JsonNode;
import io.helidon.webserver.WebServer;
import io.helidon.webserver.http.HttpService;

/** A real Helidon server on a free loopback port running {@link ApiRouting} over the fakes, and a client for it. */
final class ApiTestServer implements AutoCloseable {

    /** Kept referenced, or java.util.logging forgets the level: Helidon logs every start and stop at INFO. */
    private static final Logger HELIDON_LOG = Logger.getLogger("io.helidon");

    static {
        HELIDON_LOG.setLevel(Level.WARNING);
    }

    final FakeAccounts accounts = new FakeAccounts();
    final InMemoryApiTokens apiTokens = new InMemoryApiTokens();
    final FakeCatalogue catalogue = new FakeCatalogue();
    final FakeSignOn signOn = new FakeSignOn();
    final InMemoryClusters clusters = new InMemoryClusters(catalogue);
    final FakeAdmin admin = new FakeAdmin();
    final InMemoryAuditTrail audit = new InMemoryAuditTrail();
    private final WebServer server;
    private final HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();

    /** Whether every exchange is checked against the OpenAPI document ({@link OpenApiContract}). */
    private boolean contractChecked = true;

    /** @param more services mounted after the API's own ones, as later resources will be */
    ApiTestServer(HttpSettings settings, HttpService... more) {
        var accountsService = new AccountsHttpService(accounts, accounts, accounts, accounts, settings);
        var apiTokensService = new ApiTokensHttpService(apiTokens, apiTokens, apiTokens, apiTokens, settings);
        var catalogueService = new CatalogueHttpService(catalogue.imagesQuery(), catalogue.perfTypesQuery());
        var clustersService = new ClustersHttpService(clusters, clusters, clusters, clusters, clusters, clusters, clusters,
                clusters, settings);
        var authentication = new BearerAuthentication(accounts);
        var signOnService = new SignOnHttpService(signOn, settings);
        var profileService = new ProfileHttpService(signOn, settings);
        var usageService = new UsageHttpService(admin);
        var adminService = new AdminHttpService(admin, admin, admin, admin, admin, admin, admin, settings);
        var auditService = new AuditHttpService(audit, settings, java.time.Clock.systemUTC());
        var auditTrail = new AuditTrail(audit, settings, java.time.Clock.systemUTC());
        List<HttpService> services = new ArrayList<>(List.of(accountsService, apiTokensService, catalogueService,
                clustersService, signOnService, profileService, usageService, adminService, auditService));
        services.addAll(List.of(more));
        // without extra services, through the constructor the server is wired with
        ApiRouting api = more.length == 0
                ? new ApiRouting(settings, authentication, accountsService, apiTokensService, catalogueService,
                        clustersService, signOnService, profileService, usageService, adminService, auditService,
                        auditTrail)
                : new ApiRouting(settings, authentication, services, java.util.Optional.of(auditTrail));
        server = WebServer.builder()
                .address(InetAddress.getLoopbackAddress())
                .port(0)
                .directHandlers(ApiRouting.directHandlers())
                .routing(api::register)
                .build()
                .start();
    }

    ApiTestServer() {
        this(HttpSettings.defaults());
    }

    /** For routes that are not part of the API (test-only services): their exchanges are not checked. */
    ApiTestServer outsideTheContract() {
        contractChecked = false;
        return this;
    }

    URI uri(String path) {
        return URI.create("http://127.0.0.1:" + server.port() + path);
    }

    /** A request with a valid access token and, when {@code json} is not null, a JSON body. */
    HttpResponse<String> send(String method, String path, String json) {
        return send(request(method, path, json).header("Authorization", "Bearer " + FakeAccounts.ACCESS_TOKEN));
    }

    HttpRequest.Builder request(String method, String path, String json) {
        HttpRequest.Builder request = HttpRequest.newBuilder(uri(path));
        if (json == null) {
            return request.method(method, BodyPublishers.noBody());
        }
        return request.method(method, BodyPublishers.ofString(json)).header("Content-Type", "application/json");
    }

    /** Sends the request and checks the exchange against the OpenAPI document. */
    HttpResponse<String> send(HttpRequest.Builder builder) {
        HttpRequest request = builder.build();
        HttpResponse<String> response = sendUnchecked(request);
        if (contractChecked) {
            OpenApiContract.assertMatches(request, response);
        }
        return response;
    }

    private HttpResponse<String> sendUnchecked(HttpRequest request) {
        try {
            return client.send(request, BodyHandlers.ofString());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** Status, JSON content type and the exact JSON document (whitespace and key order aside). */
    static void assertJson(int status, String expectedJson, HttpResponse<String> response) {
        assertEquals(status, response.statusCode(), response::body);
        assertEquals("application/json", response.headers().firstValue("Content-Type").orElse(""));
        assertEquals(tree(expectedJson), tree(response.body()));
    }

    /** Like {@link #assertJson}, and the fields come in the expected order too (the reference's order). */
    static void assertJsonInOrder(int status, String expectedJson, HttpResponse<String> response) {
        assertJson(status, expectedJson, response);
        assertEquals(tree(expectedJson).toString(), tree(response.body()).toString());
    }

    static JsonNode tree(String json) {
        try {
            return Json.MAPPER.readTree(json);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public void close() {
        server.stop();
    }
}

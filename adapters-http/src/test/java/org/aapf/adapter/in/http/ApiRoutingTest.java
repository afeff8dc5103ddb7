package org.aapf.adapter.in.http;

import static org.aapf.adapter.in.http.ApiTestServer.assertJson;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.helidon.webserver.http.HttpRules;
import io.helidon.webserver.http.HttpService;
import io.helidon.webserver.http.ServerRequest;
import io.helidon.webserver.http.ServerResponse;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class ApiRoutingTest {

    /** Stands for a resource added later (clusters): it declares no authentication of its own. */
    private static final class WhoAmIService implements HttpService {

        @Override
        public void routing(HttpRules rules) {
            Endpoints.on(rules).get("/whoami", WhoAmIService::whoAmI).otherMethodsNotAllowed();
        }

        private static void whoAmI(ServerRequest req, ServerResponse res) {
            Json.send(res, new Message(Caller.of(req).username().value()));
        }
    }

    private final ApiTestServer api = new ApiTestServer(HttpSettings.defaults(), new WhoAmIService()).outsideTheContract();

    @AfterEach
    void stop() {
        api.close();
    }

    @Test
    void addedServiceIsMountedUnderApiV1AndSeesTheCaller() {
        assertJson(200, "{\"message\": \"user1\"}", api.send("GET", "/api/v1/whoami", null));
    }

    @Test
    void addedServiceIsAuthenticatedWithoutAskingForIt() {
        assertEquals(401, api.send(api.request("GET", "/api/v1/whoami", null)).statusCode());
    }

    @Test
    void addedServiceGets405LikeTheOthers() {
        assertEquals("GET", api.send("POST", "/api/v1/whoami", null).headers().firstValue("Allow").orElse(""));
    }

    @Test
    void trailingSlashIsNotAnotherName() {
        assertEquals(404, api.send("GET", "/api/v1/api-tokens/", null).statusCode());
    }
}

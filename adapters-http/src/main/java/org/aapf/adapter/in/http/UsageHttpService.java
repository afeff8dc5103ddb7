package org.aapf.adapter.in.http;

import io.helidon.webserver.http.HttpRules;
import io.helidon.webserver.http.HttpService;
import io.helidon.webserver.http.ServerRequest;
import io.helidon.webserver.http.ServerResponse;
import jakarta.inject.Inject;
import org.aapf.application.port.in.GetUsageQuery;

/** The caller's limits and what their AAClusters use of them ({@code GET /usage}). */
public final class UsageHttpService implements HttpService {

    private final GetUsageQuery usageQuery;

    @Inject
    public UsageHttpService(GetUsageQuery usageQuery) {
        this.usageQuery = usageQuery;
    }

    @Override
    public void routing(HttpRules rules) {
        Endpoints.on(rules)
                .get("/usage", this::usage)
                .otherMethodsNotAllowed();
    }

    private void usage(ServerRequest req, ServerResponse res) {
        Json.send(res, UsageBody.from(usageQuery.usage(Caller.of(req).id())));
    }
}

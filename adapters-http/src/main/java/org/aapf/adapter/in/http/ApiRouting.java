package org.aapf.adapter.in.http;

import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Stream;
import jakarta.inject.Inject;
import io.helidon.http.DirectHandler;
import io.helidon.webserver.http.DirectHandlers;
import io.helidon.webserver.http.HttpRouting;
import io.helidon.webserver.http.HttpService;
import io.helidon.webserver.http.ServerRequest;
import io.helidon.webserver.http.ServerResponse;

/**
 * Mounts the WebAPI v1 under {@code /api/v1}: the body size limit and bearer authentication in front of every
 * endpoint (except the two that carry their own credentials), the resource services, and the error handling.
 */
public final class ApiRouting {

    public static final String BASE_PATH = "/api/v1";

    /**
     * Logging in and refreshing an access token prove who the caller is with the body, not a bearer token; the
     * single sign-on steps prove it with the provider's answer and cookies of their own; the API's own description
     * and the login page's options are public.
     */
    private static final Set<String> PUBLIC_PATHS = Set.of(BASE_PATH + "/login", BASE_PATH + "/access-token-refresh",
            BASE_PATH + OpenApiHttpService.PATH, BASE_PATH + SignOnHttpService.OPTIONS,
            BASE_PATH + SignOnHttpService.LOGIN, BASE_PATH + SignOnHttpService.CALLBACK,
            BASE_PATH + SignOnHttpService.SESSION);

    private final RequestBodyLimit bodyLimit;
    private final BearerAuthentication authentication;
    private final List<HttpService> services;
    private final Optional<AuditTrail> auditTrail;

    @Inject
    public ApiRouting(HttpSettings settings, BearerAuthentication authentication, AccountsHttpService accounts,
            ApiTokensHttpService apiTokens, CatalogueHttpService catalogue, ClustersHttpService clusters,
            SignOnHttpService signOn, ProfileHttpService profiles, UsageHttpService usage, AdminHttpService admin,
            AuditHttpService audit, AuditTrail auditTrail) {
        // the clusters first: routing tries the services in this order, and their reads are most of the traffic
        this(settings, authentication, List.of(clusters, accounts, apiTokens, catalogue, signOn, profiles, usage,
                admin, audit), Optional.of(auditTrail));
    }

    /** For more resources: each service's routes are relative to {@link #BASE_PATH}; the OpenAPI document is added. */
    public ApiRouting(HttpSettings settings, BearerAuthentication authentication, List<? extends HttpService> services) {
        this(settings, authentication, services, Optional.empty());
    }

    /** As above, with every changing request written to the audit trail by {@code auditTrail}. */
    public ApiRouting(HttpSettings settings, BearerAuthentication authentication, List<? extends HttpService> services,
            Optional<AuditTrail> auditTrail) {
        this.auditTrail = auditTrail;
        this.bodyLimit = new RequestBodyLimit(settings.maxBodyBytes());
        this.authentication = authentication;
        this.services = Stream.concat(services.stream(), Stream.of(new OpenApiHttpService())).toList();
    }

    /**
     * Adds the API to {@code routing}. The error handlers apply to the whole routing, so errors of other routes
     * registered on it are JSON too (and unknown paths anywhere are a JSON 404).
     */
    public void register(HttpRouting.Builder routing) {
        ErrorHandling.install(routing);
        auditTrail.ifPresent(routing::addFilter);
        routing.any(BASE_PATH + "/*", this::admit)
                .register(BASE_PATH, services.toArray(HttpService[]::new));
    }

    /**
     * JSON error bodies also for requests Helidon refuses before routing; set on the server with
     * {@code WebServer.builder().directHandlers(ApiRouting.directHandlers())}.
     */
    public static DirectHandlers directHandlers() {
        DirectHandlers.Builder handlers = DirectHandlers.builder();
        JsonDirectHandler json = new JsonDirectHandler();
        for (DirectHandler.EventType type : DirectHandler.EventType.values()) {
            handlers.addHandler(type, json);
        }
        return handlers.build();
    }

    /**
     * What every API request passes first, in one route (the router allocates for each route a request passes):
     * {@code Cache-Control: no-store}, since API answers are per caller and often secret (tokens) and no browser or
     * shared cache may keep them; the body size limit; and the bearer token, unless the endpoint is public.
     */
    private void admit(ServerRequest req, ServerResponse res) {
        res.header(Json.NO_STORE);
        bodyLimit.apply(req);
        if (!PUBLIC_PATHS.contains(req.path().absolute().path())) {
            authentication.authenticate(req);
        }
        res.next();
    }
}

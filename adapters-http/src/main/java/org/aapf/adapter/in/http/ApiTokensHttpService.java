package org.aapf.adapter.in.http;

import java.util.List;
import jakarta.inject.Inject;
import io.helidon.webserver.http.HttpRules;
import io.helidon.webserver.http.HttpService;
import io.helidon.webserver.http.ServerRequest;
import io.helidon.webserver.http.ServerResponse;
import org.aapf.application.port.in.ApiTokenView;
import org.aapf.application.port.in.CreateApiTokenUseCase;
import org.aapf.application.port.in.CreateApiTokenUseCase.CreateApiTokenCommand;
import org.aapf.application.port.in.CreateApiTokenUseCase.CreatedApiToken;
import org.aapf.application.port.in.DeleteApiTokenUseCase;
import org.aapf.application.port.in.GetApiTokenQuery;
import org.aapf.application.port.in.ListApiTokensQuery;

/** The caller's named API tokens: list, create (the secret is shown only then), read and delete. */
public final class ApiTokensHttpService implements HttpService {

    private final ListApiTokensQuery listQuery;
    private final GetApiTokenQuery getQuery;
    private final CreateApiTokenUseCase createUseCase;
    private final DeleteApiTokenUseCase deleteUseCase;
    private final Timestamps timestamps;

    @Inject
    public ApiTokensHttpService(ListApiTokensQuery listQuery, GetApiTokenQuery getQuery,
            CreateApiTokenUseCase createUseCase, DeleteApiTokenUseCase deleteUseCase, HttpSettings settings) {
        this.listQuery = listQuery;
        this.getQuery = getQuery;
        this.createUseCase = createUseCase;
        this.deleteUseCase = deleteUseCase;
        this.timestamps = new Timestamps(settings.zone());
    }

    @Override
    public void routing(HttpRules rules) {
        Endpoints.on(rules)
                .get("/api-tokens", this::list)
                .post("/api-tokens/{tokenName}", this::create)
                .get("/api-tokens/{tokenName}", this::get)
                .delete("/api-tokens/{tokenName}", this::delete)
                .otherMethodsNotAllowed();
    }

    private void list(ServerRequest req, ServerResponse res) {
        List<ApiTokenView> tokens = listQuery.list(Caller.of(req).id());
        Json.send(res, ApiTokenList.from(tokens, timestamps));
    }

    private void create(ServerRequest req, ServerResponse res) {
        CreateRequest body = Json.read(req, CreateRequest.class);
        CreatedApiToken created = createUseCase.create(
                new CreateApiTokenCommand(Caller.of(req), tokenName(req), body.password()));
        Json.send(res, new CreatedBody(CreatedApiTokenBody.from(created, timestamps)));
    }

    private void get(ServerRequest req, ServerResponse res) {
        ApiTokenView token = getQuery.get(Caller.of(req).id(), tokenName(req));
        Json.send(res, new ApiTokenBody(ApiTokenSummary.from(token, timestamps)));
    }

    private void delete(ServerRequest req, ServerResponse res) {
        deleteUseCase.delete(Caller.of(req).id(), tokenName(req));
        Json.send(res, Json.EMPTY_OBJECT);
    }

    /** Helidon hands path parameters over percent-decoded, so names with spaces or any script arrive as typed. */
    private static String tokenName(ServerRequest req) {
        return req.path().pathParameters().get("tokenName");
    }

    /** {@code password} is required of local users; the use case says so (single sign-on users have none). */
    record CreateRequest(String password) {

        @Override
        public String toString() {
            return "CreateRequest[password=redacted]";
        }
    }

    record ApiTokenSummary(String tokenName, String createdAt) {
        static ApiTokenSummary from(ApiTokenView token, Timestamps timestamps) {
            return new ApiTokenSummary(token.tokenName(), timestamps.format(token.createdAt()));
        }
    }

    record ApiTokenList(List<ApiTokenSummary> apiTokens) {
        static ApiTokenList from(List<ApiTokenView> tokens, Timestamps timestamps) {
            return new ApiTokenList(tokens.stream().map(it -> ApiTokenSummary.from(it, timestamps)).toList());
        }
    }

    record ApiTokenBody(ApiTokenSummary apiToken) {
    }

    record CreatedApiTokenBody(String tokenName, String token, String createdAt) {
        static CreatedApiTokenBody from(CreatedApiToken created, Timestamps timestamps) {
            return new CreatedApiTokenBody(created.tokenName(), created.token(), timestamps.format(created.createdAt()));
        }

        @Override
        public String toString() {
            return "CreatedApiTokenBody[tokenName=" + tokenName + ", token=redacted, createdAt=" + createdAt + "]";
        }
    }

    record CreatedBody(CreatedApiTokenBody apiToken) {
    }
}

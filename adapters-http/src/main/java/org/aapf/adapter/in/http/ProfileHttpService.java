package org.aapf.adapter.in.http;

import io.helidon.webserver.http.HttpRules;
import io.helidon.webserver.http.HttpService;
import io.helidon.webserver.http.ServerRequest;
import io.helidon.webserver.http.ServerResponse;
import jakarta.inject.Inject;
import org.aapf.application.port.in.GetProfileQuery;
import org.aapf.application.port.in.UserView;

/** The caller's own account ({@code GET /me}); admins list every account through {@link AdminHttpService}. */
public final class ProfileHttpService implements HttpService {

    private final GetProfileQuery profileQuery;
    private final Timestamps timestamps;

    @Inject
    public ProfileHttpService(GetProfileQuery profileQuery, HttpSettings settings) {
        this.profileQuery = profileQuery;
        this.timestamps = new Timestamps(settings.zone());
    }

    @Override
    public void routing(HttpRules rules) {
        Endpoints.on(rules)
                .get("/me", this::me)
                .otherMethodsNotAllowed();
    }

    private void me(ServerRequest req, ServerResponse res) {
        Json.send(res, UserBody.from(profileQuery.profile(Caller.of(req).id()), timestamps));
    }

    /** {@code signOn}: {@code "oidc"} for a user from the identity provider, {@code "password"} for a local one. */
    record UserBody(String username, boolean admin, String signOn, String createdAt) {
        static UserBody from(UserView user, Timestamps timestamps) {
            return new UserBody(user.username(), user.admin(), user.singleSignOn() ? "oidc" : "password",
                    timestamps.format(user.createdAt()));
        }
    }
}

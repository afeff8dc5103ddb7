package org.aapf.adapter.in.http;

import io.helidon.webserver.http.HttpRules;
import io.helidon.webserver.http.HttpService;
import io.helidon.webserver.http.ServerRequest;
import io.helidon.webserver.http.ServerResponse;
import jakarta.inject.Inject;
import java.util.List;
import org.aapf.application.port.in.AdminListUsersQuery;
import org.aapf.application.port.in.GetProfileQuery;
import org.aapf.application.port.in.UserView;

/** The caller's own account ({@code GET /me}) and, for admins only, every account ({@code GET /admin/users}). */
public final class ProfileHttpService implements HttpService {

    private final GetProfileQuery profileQuery;
    private final AdminListUsersQuery adminUsersQuery;
    private final Timestamps timestamps;

    @Inject
    public ProfileHttpService(GetProfileQuery profileQuery, AdminListUsersQuery adminUsersQuery,
            HttpSettings settings) {
        this.profileQuery = profileQuery;
        this.adminUsersQuery = adminUsersQuery;
        this.timestamps = new Timestamps(settings.zone());
    }

    @Override
    public void routing(HttpRules rules) {
        Endpoints.on(rules)
                .get("/me", this::me)
                .get("/admin/users", this::adminUsers)
                .otherMethodsNotAllowed();
    }

    private void me(ServerRequest req, ServerResponse res) {
        Json.send(res, UserBody.from(profileQuery.profile(Caller.of(req).id()), timestamps));
    }

    private void adminUsers(ServerRequest req, ServerResponse res) {
        List<UserBody> users = adminUsersQuery.listUsers(Caller.of(req).id()).stream()
                .map(user -> UserBody.from(user, timestamps)).toList();
        Json.send(res, new UserList(users));
    }

    /** {@code signOn}: {@code "oidc"} for a user from the identity provider, {@code "password"} for a local one. */
    record UserBody(String username, boolean admin, String signOn, String createdAt) {
        static UserBody from(UserView user, Timestamps timestamps) {
            return new UserBody(user.username(), user.admin(), user.singleSignOn() ? "oidc" : "password",
                    timestamps.format(user.createdAt()));
        }
    }

    record UserList(List<UserBody> users) {
    }
}

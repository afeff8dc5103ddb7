package org.aapf.adapter.in.http;

import jakarta.inject.Inject;
import io.helidon.webserver.http.HttpRules;
import io.helidon.webserver.http.HttpService;
import io.helidon.webserver.http.ServerRequest;
import io.helidon.webserver.http.ServerResponse;
import org.aapf.application.port.in.ChangePasswordUseCase;
import org.aapf.application.port.in.ChangePasswordUseCase.ChangePasswordCommand;
import org.aapf.application.port.in.LoginUseCase;
import org.aapf.application.port.in.LoginUseCase.LoginCommand;
import org.aapf.application.port.in.LoginUseCase.TokenPair;
import org.aapf.application.port.in.LogoutUseCase;
import org.aapf.application.port.in.RefreshAccessTokenUseCase;
import org.aapf.application.port.in.RefreshAccessTokenUseCase.RefreshAccessTokenCommand;

/** The caller's account: log in and out, refresh the access token, change the password. */
public final class AccountsHttpService implements HttpService {

    static final String PASSWORD_CHANGED = "Your password has been changed !";

    private final LoginUseCase loginUseCase;
    private final LogoutUseCase logoutUseCase;
    private final RefreshAccessTokenUseCase refreshUseCase;
    private final ChangePasswordUseCase changePasswordUseCase;
    private final ClientAddress clientAddress;

    @Inject
    public AccountsHttpService(LoginUseCase loginUseCase, LogoutUseCase logoutUseCase,
            RefreshAccessTokenUseCase refreshUseCase, ChangePasswordUseCase changePasswordUseCase,
            HttpSettings settings) {
        this.loginUseCase = loginUseCase;
        this.logoutUseCase = logoutUseCase;
        this.refreshUseCase = refreshUseCase;
        this.changePasswordUseCase = changePasswordUseCase;
        this.clientAddress = new ClientAddress(settings.trustForwardedFor());
    }

    @Override
    public void routing(HttpRules rules) {
        Endpoints.on(rules)
                .post("/login", this::login)
                .post("/logout", this::logout)
                .post("/access-token-refresh", this::refreshAccessToken)
                .put("/password", this::changePassword)
                .otherMethodsNotAllowed();
    }

    private void login(ServerRequest req, ServerResponse res) {
        LoginRequest body = Json.read(req, LoginRequest.class);
        TokenPair tokens = loginUseCase.login(new LoginCommand(body.username(), body.password(), clientAddress.of(req)));
        Json.send(res, LoginResponse.from(tokens));
    }

    private void logout(ServerRequest req, ServerResponse res) {
        logoutUseCase.logout(Caller.of(req));
        Json.send(res, Json.EMPTY_OBJECT);
    }

    private void refreshAccessToken(ServerRequest req, ServerResponse res) {
        RefreshRequest body = Json.read(req, RefreshRequest.class);
        String accessToken = refreshUseCase.refresh(new RefreshAccessTokenCommand(body.refreshToken()));
        Json.send(res, new RefreshResponse(accessToken));
    }

    private void changePassword(ServerRequest req, ServerResponse res) {
        ChangePasswordRequest body = Json.read(req, ChangePasswordRequest.class);
        changePasswordUseCase.changePassword(
                new ChangePasswordCommand(Caller.of(req), body.oldPassword(), body.newPassword()));
        Json.send(res, new Message(PASSWORD_CHANGED));
    }

    record LoginRequest(String username, String password) {
        LoginRequest {
            Json.required("username", username);
            Json.required("password", password);
        }

        @Override
        public String toString() {
            return "LoginRequest[username=" + username + ", password=redacted]";
        }
    }

    record LoginResponse(String accessToken, String refreshToken) {
        static LoginResponse from(TokenPair tokens) {
            return new LoginResponse(tokens.accessToken(), tokens.refreshToken());
        }

        @Override
        public String toString() {
            return "LoginResponse[redacted]";
        }
    }

    record RefreshRequest(String refreshToken) {
        RefreshRequest {
            Json.required("refreshToken", refreshToken);
        }

        @Override
        public String toString() {
            return "RefreshRequest[redacted]";
        }
    }

    record RefreshResponse(String accessToken) {
        @Override
        public String toString() {
            return "RefreshResponse[redacted]";
        }
    }

    record ChangePasswordRequest(String oldPassword, String newPassword) {
        ChangePasswordRequest {
            Json.required("oldPassword", oldPassword);
            Json.required("newPassword", newPassword);
        }

        @Override
        public String toString() {
            return "ChangePasswordRequest[redacted]";
        }
    }
}

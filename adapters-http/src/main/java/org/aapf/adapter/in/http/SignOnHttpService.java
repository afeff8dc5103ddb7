package org.aapf.adapter.in.http;

import io.helidon.http.HeaderNames;
import io.helidon.http.SetCookie;
import io.helidon.http.Status;
import io.helidon.webserver.http.HttpRules;
import io.helidon.webserver.http.HttpService;
import io.helidon.webserver.http.ServerRequest;
import io.helidon.webserver.http.ServerResponse;
import jakarta.inject.Inject;
import java.time.Duration;
import org.aapf.application.port.in.LoginUseCase.TokenPair;
import org.aapf.application.port.in.SignOnUseCase;
import org.aapf.application.port.in.SignOnUseCase.SignOnCallback;
import org.aapf.application.port.in.SignOnUseCase.SignOnOptions;
import org.aapf.application.port.in.SignOnUseCase.SignOnStart;

/**
 * Single sign-on for the browser. {@code GET /auth/oidc/login} sends it to the provider and keeps the state in a
 * cookie; the provider sends it back to {@code GET /auth/oidc/callback}, which answers with a one-time code in an
 * HttpOnly cookie and sends it on to the WebUI ({@code /#sign-on}); the WebUI then {@code POST}s
 * {@code /auth/oidc/session} and gets the access and refresh tokens in the body, as from {@code POST /login}. No token
 * and no code AAPF issued ever appears in an address, a history entry or a log line.
 */
public final class SignOnHttpService implements HttpService {

    static final String OPTIONS = "/auth/options";
    static final String LOGIN = "/auth/oidc/login";
    static final String CALLBACK = "/auth/oidc/callback";
    static final String SESSION = "/auth/oidc/session";
    static final String COOKIE_PATH = ApiRouting.BASE_PATH + "/auth/oidc";
    static final String STATE_COOKIE = "aapf_sign_on_state";
    static final String HANDOFF_COOKIE = "aapf_sign_on";
    /** Where the WebUI takes over: a fragment, so nothing of it reaches a server. */
    static final String WEBUI_LANDING = "/#sign-on";

    private final SignOnUseCase signOn;
    private final ClientAddress clientAddress;

    @Inject
    public SignOnHttpService(SignOnUseCase signOn, HttpSettings settings) {
        this.signOn = signOn;
        this.clientAddress = new ClientAddress(settings.trustForwardedFor());
    }

    @Override
    public void routing(HttpRules rules) {
        Endpoints.on(rules)
                .get(OPTIONS, this::options)
                .get(LOGIN, this::login)
                .get(CALLBACK, this::callback)
                .post(SESSION, this::session)
                .otherMethodsNotAllowed();
    }

    private void options(ServerRequest req, ServerResponse res) {
        Json.send(res, OptionsBody.from(signOn.options()));
    }

    private void login(ServerRequest req, ServerResponse res) {
        SignOnStart start = signOn.start();
        res.headers().addCookie(cookie(STATE_COOKIE, start.state(), Duration.ofMinutes(10), SetCookie.SameSite.LAX,
                start.authorizationUri().getScheme().equals("https")));
        redirect(res, start.authorizationUri().toString());
    }

    private void callback(ServerRequest req, ServerResponse res) {
        var query = req.query();
        String browserState = req.headers().cookies().first(STATE_COOKIE).orElse(null);
        res.headers().addCookie(expired(STATE_COOKIE));
        String handoff = signOn.complete(new SignOnCallback(query.first("state").orElse(null), browserState,
                query.first("code").orElse(null), query.first("error").orElse(null), clientAddress.of(req)));
        res.headers().addCookie(cookie(HANDOFF_COOKIE, handoff, Duration.ofMinutes(1), SetCookie.SameSite.STRICT,
                secure(req)));
        redirect(res, WEBUI_LANDING);
    }

    private void session(ServerRequest req, ServerResponse res) {
        String handoff = req.headers().cookies().first(HANDOFF_COOKIE).orElse(null);
        res.headers().addCookie(expired(HANDOFF_COOKIE));
        TokenPair tokens = signOn.redeem(handoff);
        Json.send(res, AccountsHttpService.LoginResponse.from(tokens));
    }

    private static boolean secure(ServerRequest req) {
        return req.isSecure();
    }

    private static void redirect(ServerResponse res, String location) {
        res.status(Status.FOUND_302);
        res.header(HeaderNames.LOCATION, location);
        res.send();
    }

    private static SetCookie cookie(String name, String value, Duration maxAge, SetCookie.SameSite sameSite,
            boolean secure) {
        return SetCookie.builder(name, value).path(COOKIE_PATH).httpOnly(true).secure(secure).sameSite(sameSite)
                .maxAge(maxAge).build();
    }

    private static SetCookie expired(String name) {
        return SetCookie.builder(name, "").path(COOKIE_PATH).httpOnly(true).maxAge(Duration.ZERO).build();
    }

    /** {@code provider}: the login button's name, null without single sign-on. */
    record OptionsBody(boolean passwordLogin, String provider) {
        static OptionsBody from(SignOnOptions options) {
            return new OptionsBody(options.passwordLogin(), options.provider().orElse(null));
        }
    }
}

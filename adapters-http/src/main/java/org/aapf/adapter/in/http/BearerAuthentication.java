package org.aapf.adapter.in.http;

import java.util.List;
import jakarta.inject.Inject;
import io.helidon.http.Header;
import io.helidon.http.HeaderNames;
import io.helidon.webserver.http.Handler;
import io.helidon.webserver.http.ServerRequest;
import io.helidon.webserver.http.ServerResponse;
import org.aapf.application.port.in.AuthenticateUseCase;
import org.aapf.domain.error.AapfException;

/**
 * Route handler that requires {@code Authorization: Bearer <token>}, proves it with {@link AuthenticateUseCase} and
 * hands the user to the next handlers (read it with {@link Caller#of}); anything else is 401.
 */
public final class BearerAuthentication implements Handler {

    private static final String SCHEME = "Bearer ";

    private final AuthenticateUseCase authenticate;

    @Inject
    public BearerAuthentication(AuthenticateUseCase authenticate) {
        this.authenticate = authenticate;
    }

    @Override
    public void handle(ServerRequest req, ServerResponse res) {
        authenticate(req);
        res.next();
    }

    /** Proves the request's bearer token and records the user as its {@link Caller}; 401 when it cannot. */
    void authenticate(ServerRequest req) {
        Caller.set(req, authenticate.authenticate(bearerToken(req)));
    }

    private static String bearerToken(ServerRequest req) {
        // the header's values as sent: Headers.values would also split each at commas, a copy per character
        List<String> values = req.headers().find(HeaderNames.AUTHORIZATION).map(Header::allValues).orElse(List.of());
        if (values.isEmpty()) {
            throw AapfException.unauthenticated("Missing 'Authorization: Bearer <token>' header.");
        }
        String value = values.getFirst().strip();
        if (values.size() > 1 || !value.regionMatches(true, 0, SCHEME, 0, SCHEME.length())) {
            throw AapfException.unauthenticated("The 'Authorization' header must be 'Bearer <token>'.");
        }
        String token = value.substring(SCHEME.length()).strip();
        if (token.isEmpty() || hasWhitespace(token)) {
            throw AapfException.unauthenticated("The 'Authorization' header must be 'Bearer <token>'.");
        }
        return token;
    }

    private static boolean hasWhitespace(String token) {
        for (int i = 0; i < token.length(); i++) {
            if (Character.isWhitespace(token.charAt(i))) {
                return true;
            }
        }
        return false;
    }
}

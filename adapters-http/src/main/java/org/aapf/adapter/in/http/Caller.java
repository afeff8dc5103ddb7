package org.aapf.adapter.in.http;

import java.util.Optional;
import io.helidon.webserver.http.ServerRequest;
import org.aapf.application.port.in.AuthenticatedUser;

/** Carries the user proven by {@link BearerAuthentication} from the request context to the handlers. */
final class Caller {

    /** A private key, so nothing else in the request context can pose as the caller. */
    private static final Object KEY = new Object();

    private Caller() {
    }

    static void set(ServerRequest req, AuthenticatedUser user) {
        req.context().register(KEY, user);
    }

    /** The authenticated caller, if the request passed {@link BearerAuthentication}. */
    static Optional<AuthenticatedUser> find(ServerRequest req) {
        return req.context().get(KEY, AuthenticatedUser.class);
    }

    /**
     * The authenticated caller of this request.
     *
     * @throws IllegalStateException when the route was not authenticated: a wiring bug, answered with 500, so a
     *     forgotten authentication fails closed
     */
    static AuthenticatedUser of(ServerRequest req) {
        return req.context().get(KEY, AuthenticatedUser.class)
                .orElseThrow(() -> new IllegalStateException("no authenticated caller for " + req.path().path()));
    }
}

package org.aapf.adapter.in.http;

import jakarta.inject.Inject;
import java.time.Clock;
import java.util.Locale;
import java.util.Optional;
import io.helidon.http.HttpException;
import io.helidon.webserver.http.Filter;
import io.helidon.webserver.http.FilterChain;
import io.helidon.webserver.http.RoutingRequest;
import io.helidon.webserver.http.RoutingResponse;
import org.aapf.application.port.in.AuditLog;
import org.aapf.application.port.in.AuthenticatedUser;
import org.aapf.domain.audit.AuditEntry;
import org.aapf.domain.audit.AuditEntry.Outcome;
import org.aapf.domain.error.AapfException;

/**
 * Writes one audit entry for each API request that changes something ({@link AuditedRequests}), after it was
 * answered: the caller (or {@code (anonymous)} when the bearer token was refused), the action and its target, the
 * client's address and the outcome taken from the answer's status. Request bodies are never read here, so no
 * password or token can end up in the trail.
 */
public final class AuditTrail implements Filter {

    static final String ANONYMOUS = "(anonymous)";

    private final AuditLog audit;
    private final ClientAddress clientAddress;
    private final Clock clock;

    @Inject
    public AuditTrail(AuditLog audit, HttpSettings settings, Clock clock) {
        this.audit = audit;
        this.clientAddress = new ClientAddress(settings.trustForwardedFor());
        this.clock = clock;
    }

    @Override
    public void filter(FilterChain chain, RoutingRequest req, RoutingResponse res) {
        String path = req.path().rawPath();
        Optional<AuditedRequests.Action> action = path.startsWith(ApiRouting.BASE_PATH + "/")
                ? AuditedRequests.of(req.prologue().method().text(), path.substring(ApiRouting.BASE_PATH.length()))
                : Optional.empty();
        if (action.isEmpty()) {
            chain.proceed();
            return;
        }
        try {
            chain.proceed();
        } catch (RuntimeException e) {
            record(req, action.get(), failure(e), detail(e));
            throw e;
        }
        int status = res.status().code();
        record(req, action.get(), outcome(status), status < 400 ? "" : "HTTP " + status);
    }

    private void record(RoutingRequest req, AuditedRequests.Action action, Outcome outcome, String detail) {
        String actor = Caller.find(req).map(user -> user.username().value()).orElse(ANONYMOUS);
        audit.record(new AuditEntry(clock.instant(), actor, action.name(), action.target(), clientAddress.of(req),
                outcome, detail));
    }

    static Outcome outcome(int status) {
        if (status < 400) {
            return Outcome.SUCCEEDED;
        }
        return switch (status) {
            case 401, 403 -> Outcome.REFUSED;
            case 429 -> Outcome.THROTTLED;
            default -> Outcome.FAILED;
        };
    }

    private static Outcome failure(RuntimeException e) {
        if (e instanceof AapfException refused) {
            return switch (refused.reason()) {
                case UNAUTHENTICATED, FORBIDDEN -> Outcome.REFUSED;
                case THROTTLED -> Outcome.THROTTLED;
                default -> Outcome.FAILED;
            };
        }
        return e instanceof HttpException http ? outcome(http.status().code()) : Outcome.FAILED;
    }

    private static String detail(RuntimeException e) {
        if (e instanceof AapfException refused) {
            return refused.reason().name().toLowerCase(Locale.ROOT);
        }
        return e instanceof HttpException http ? "HTTP " + http.status().code() : "error";
    }
}

package org.aapf.adapter.in.http;

import io.helidon.webserver.http.HttpRules;
import io.helidon.webserver.http.HttpService;
import io.helidon.webserver.http.ServerRequest;
import io.helidon.webserver.http.ServerResponse;
import jakarta.inject.Inject;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.aapf.application.port.in.AuditPage;
import org.aapf.application.port.in.AuditQuery;
import org.aapf.application.port.in.ListAuditQuery;
import org.aapf.domain.audit.AuditRecord;
import org.aapf.domain.error.AapfException;

/**
 * The audit trail for admins ({@code GET /admin/audit?since=…&limit=…&cursor=…}), oldest first, a page at a time:
 * {@code nextCursor} is the {@code cursor} of the next page, {@code null} on the last one. Others get 403.
 */
public final class AuditHttpService implements HttpService {

    static final int DEFAULT_LIMIT = 100;
    private static final Set<String> PARAMETERS = Set.of("since", "limit", "cursor");

    private final ListAuditQuery query;
    private final Timestamps timestamps;
    private final Clock clock;

    @Inject
    public AuditHttpService(ListAuditQuery query, HttpSettings settings, Clock clock) {
        this.query = query;
        this.timestamps = new Timestamps(settings.zone());
        this.clock = clock;
    }

    @Override
    public void routing(HttpRules rules) {
        Endpoints.on(rules)
                .get("/admin/audit", this::list)
                .otherMethodsNotAllowed();
    }

    private void list(ServerRequest req, ServerResponse res) {
        var params = req.query();
        for (String name : params.names()) {
            if (!PARAMETERS.contains(name)) {
                throw AapfException.invalid("Unknown query parameter '" + name + "'; use since, limit and cursor.");
            }
        }
        Instant since = params.first("since").asOptional().map(text -> AuditQuery.since(text, clock.instant()))
                .orElse(Instant.EPOCH);
        int limit = number(params.first("limit").asOptional(), "limit", DEFAULT_LIMIT, AuditQuery.MAX_LIMIT);
        long cursor = number(params.first("cursor").asOptional(), "cursor", 0, Long.MAX_VALUE);
        AuditPage page = query.list(Caller.of(req).id(), new AuditQuery(since, cursor, Math.max(1, limit)));
        Json.send(res, new AuditList(page.records().stream().map(entry -> EntryBody.from(entry, timestamps)).toList(),
                page.next().isPresent() ? Long.toString(page.next().getAsLong()) : null));
    }

    private static int number(Optional<String> text, String name, int fallback, int max) {
        return (int) number(text, name, (long) fallback, max);
    }

    private static long number(Optional<String> text, String name, long fallback, long max) {
        if (text.isEmpty()) {
            return fallback;
        }
        try {
            long value = Long.parseLong(text.get().strip());
            if (value >= (name.equals("cursor") ? 0 : 1) && value <= max) {
                return value;
            }
        } catch (NumberFormatException e) {
            // answered below, like a number out of range
        }
        throw AapfException.invalid(name.equals("cursor")
                ? "'cursor' must be the nextCursor of a previous page."
                : "'" + name + "' must be a whole number from 1 to " + max + ".");
    }

    /** One entry; {@code outcome} is succeeded, failed, refused or throttled. */
    record EntryBody(long id, String at, String actor, String action, String target, String address, String outcome,
            String detail) {
        static EntryBody from(AuditRecord stored, Timestamps timestamps) {
            var entry = stored.entry();
            return new EntryBody(stored.id(), timestamps.format(entry.at()), entry.actor(), entry.action(),
                    entry.target(), entry.address(), entry.outcome().apiName(), entry.detail());
        }
    }

    /** A page; {@code nextCursor} is null on the last page. */
    record AuditList(List<EntryBody> entries, String nextCursor) {
    }
}

package org.aapf.adapter.in.http;

import io.helidon.webserver.http.HttpRules;
import io.helidon.webserver.http.HttpService;
import io.helidon.webserver.http.ServerRequest;
import io.helidon.webserver.http.ServerResponse;
import jakarta.inject.Inject;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
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
        QueryParameters params = QueryParameters.of(req, "since", "limit", "cursor");
        Instant since = params.value("since").map(text -> AuditQuery.since(text, clock.instant()))
                .orElse(Instant.EPOCH);
        int limit = params.limit(DEFAULT_LIMIT, AuditQuery.MAX_LIMIT);
        long cursor = params.value("cursor").map(AuditHttpService::cursor).orElse(0L);
        AuditPage page = query.list(Caller.of(req).id(), new AuditQuery(since, cursor, limit));
        Json.send(res, new AuditList(page.records().stream().map(entry -> EntryBody.from(entry, timestamps)).toList(),
                page.next().isPresent() ? Long.toString(page.next().getAsLong()) : null));
    }

    private static long cursor(String text) {
        try {
            long cursor = Long.parseLong(text.strip());
            if (cursor >= 0) {
                return cursor;
            }
        } catch (NumberFormatException e) {
            // answered below, like a negative number
        }
        throw AapfException.invalid("'cursor' must be the nextCursor of a previous page.");
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

package org.aapf.adapter.in.http;

import io.helidon.common.uri.UriQuery;
import io.helidon.webserver.http.ServerRequest;
import java.util.List;
import java.util.Optional;
import org.aapf.domain.error.AapfException;

/**
 * The query parameters of a request to an endpoint that takes the named ones only. A name it does not take, or one
 * given twice, is refused with 400 naming it: a typo ({@code ?stauts=failed}) or an ambiguous request
 * ({@code ?limit=1&limit=2}) is not answered as if the parameter had not been given.
 */
final class QueryParameters {

    private final UriQuery query;

    private QueryParameters(UriQuery query) {
        this.query = query;
    }

    /** The request's query, checked against the parameters the endpoint takes. */
    static QueryParameters of(ServerRequest req, String... accepted) {
        UriQuery query = req.query();
        List<String> names = List.of(accepted);
        for (String name : query.names()) {
            if (!names.contains(name)) {
                throw AapfException.invalid("'" + name + "' is not a query parameter here; use "
                        + String.join(", ", names) + ".");
            }
            if (query.all(name).size() > 1) {
                throw AapfException.invalid("'" + name + "' is given more than once.");
            }
        }
        return new QueryParameters(query);
    }

    Optional<String> value(String name) {
        return query.first(name).asOptional();
    }

    /** The page size {@code limit}: {@code fallback} when not given, else a whole number from 1 to {@code max}. */
    int limit(int fallback, int max) {
        Optional<String> text = value("limit");
        if (text.isEmpty()) {
            return fallback;
        }
        try {
            int limit = Integer.parseInt(text.get().strip());
            if (limit >= 1 && limit <= max) {
                return limit;
            }
        } catch (NumberFormatException e) {
            // answered below, like a number out of range
        }
        throw AapfException.invalid("'limit' must be a whole number from 1 to " + max + ".");
    }
}

package org.aapf.adapter.in.http;

import java.util.Collection;
import java.util.stream.Collectors;
import io.helidon.http.HeaderNames;
import io.helidon.http.HeaderValues;
import io.helidon.http.HttpException;
import io.helidon.http.Method;
import io.helidon.http.Status;

/** An HTTP-level refusal (405, 413, 415) whose message is safe to show to the client. */
final class HttpProblem extends HttpException {

    private static final long serialVersionUID = 1L;

    private HttpProblem(String message, Status status, boolean keepAlive) {
        super(message, status, keepAlive);
    }

    static HttpProblem methodNotAllowed(Method method, Collection<Method> allowed) {
        String allow = allowed.stream().map(Method::text).collect(Collectors.joining(", "));
        HttpProblem problem = new HttpProblem("Method " + method.text() + " is not allowed here; use " + allow + ".",
                Status.METHOD_NOT_ALLOWED_405, true);
        problem.header(HeaderValues.create(HeaderNames.ALLOW, allow));
        return problem;
    }

    /** The rest of the body is not read, so the connection must close after the response. */
    static HttpProblem payloadTooLarge(long maxBytes) {
        return new HttpProblem("Request body must be at most " + maxBytes + " bytes.",
                Status.REQUEST_ENTITY_TOO_LARGE_413, false);
    }

    static HttpProblem unsupportedMediaType() {
        return new HttpProblem("Content-Type must be application/json.", Status.UNSUPPORTED_MEDIA_TYPE_415, true);
    }
}

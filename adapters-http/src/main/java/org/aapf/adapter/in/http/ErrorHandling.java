package org.aapf.adapter.in.http;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import io.helidon.http.HeaderNames;
import io.helidon.http.HeaderValues;
import io.helidon.http.HttpException;
import io.helidon.http.Status;
import io.helidon.webserver.http.HttpRouting;
import io.helidon.webserver.http.ServerRequest;
import io.helidon.webserver.http.ServerResponse;
import org.aapf.domain.error.AapfException;

/**
 * The one place where exceptions become HTTP responses: always {@code {"message": "..."}} as JSON, with a status
 * from the exception's reason. Unexpected failures are answered with a generic message and logged by class and
 * throwing line only: their messages may quote data (a token, a hash), so neither they nor stack traces are written.
 */
final class ErrorHandling {

    static final String INTERNAL_ERROR = "Internal server error.";
    static final String DATABASE_UNAVAILABLE = "The database cannot be reached. Please try again shortly.";
    static final Duration UNAVAILABLE_RETRY_AFTER = Duration.ofSeconds(5);
    private static final Duration OUTAGE_LOG_EVERY = Duration.ofSeconds(30);
    private static final LogBudget OUTAGE_LOG = new LogBudget(OUTAGE_LOG_EVERY);

    private static final System.Logger LOG = System.getLogger(ErrorHandling.class.getName());
    private static final int MAX_CAUSES = 5;

    private ErrorHandling() {
    }

    static void install(HttpRouting.Builder routing) {
        routing.error(AapfException.class, ErrorHandling::refused)
                .error(HttpException.class, ErrorHandling::httpError)
                .error(Throwable.class, ErrorHandling::unexpected);
    }

    private static void refused(ServerRequest req, ServerResponse res, AapfException e) {
        switch (e.reason()) {
            case INVALID_INPUT -> send(res, Status.BAD_REQUEST_400, e.getMessage());
            case UNAUTHENTICATED -> {
                res.header(HeaderNames.WWW_AUTHENTICATE, "Bearer");
                send(res, Status.UNAUTHORIZED_401, e.getMessage());
            }
            case FORBIDDEN -> send(res, Status.FORBIDDEN_403, e.getMessage());
            case NOT_FOUND -> send(res, Status.NOT_FOUND_404, e.getMessage());
            case THROTTLED -> {
                res.header(HeaderNames.RETRY_AFTER, Long.toString(seconds(e.retryAfter().orElse(Duration.ZERO))));
                send(res, Status.TOO_MANY_REQUESTS_429, e.getMessage());
            }
            case UNAVAILABLE -> unavailable(req, res, e, e.getMessage(), e.retryAfter().orElse(UNAVAILABLE_RETRY_AFTER));
            case INTERNAL -> unexpected(req, res, e);
        }
    }

    private static void httpError(ServerRequest req, ServerResponse res, HttpException e) {
        e.headers().forEach(res::header);
        if (!e.keepAlive()) {
            res.header(HeaderValues.CONNECTION_CLOSE);
        }
        if (e instanceof HttpProblem) {
            send(res, e.status(), e.getMessage());
        } else if (e.status().code() >= 500) {
            unexpected(req, res, e);
        } else {
            // Helidon's own exceptions (such as "no route matched") may word things for developers; say it plainly
            send(res, e.status(), e.status().reasonPhrase() + ".");
        }
    }

    private static void unexpected(ServerRequest req, ServerResponse res, Throwable e) {
        if (DatabaseFailures.isConnectionLoss(e)) {
            unavailable(req, res, e, DATABASE_UNAVAILABLE, UNAVAILABLE_RETRY_AFTER);
            return;
        }
        log(System.Logger.Level.ERROR, req, e);
        send(res, Status.INTERNAL_SERVER_ERROR_500, INTERNAL_ERROR);
    }

    /**
     * 503 with Retry-After. An outage fails every request alike, so it is logged once per {@link #OUTAGE_LOG_EVERY}
     * (with how many were refused meanwhile), not once per request.
     */
    private static void unavailable(ServerRequest req, ServerResponse res, Throwable e, String message,
            Duration retryAfter) {
        if (OUTAGE_LOG.admit()) {
            log(System.Logger.Level.WARNING, req, e);
        }
        res.header(HeaderNames.RETRY_AFTER, Long.toString(seconds(retryAfter)));
        send(res, Status.SERVICE_UNAVAILABLE_503, message);
    }

    /** Helidon resets the headers of a response that failed, so the error sets {@code no-store} itself. */
    private static void send(ServerResponse res, Status status, String message) {
        res.header(Json.NO_STORE);
        Json.send(res, status, new Message(message));
    }

    /** At least one second: {@code Retry-After: 0} would invite an immediate retry. */
    private static long seconds(Duration wait) {
        return Math.max(1, (wait.toMillis() + 999) / 1000);
    }

    private static void log(System.Logger.Level level, ServerRequest req, Throwable e) {
        LOG.log(level, "{0} {1} failed: {2}", req.prologue().method().text(), req.path().absolute().path(), causes(e));
    }

    /** Lets one log line through per period; the next one says how many were held back. */
    private static final class LogBudget {

        private final long periodNanos;
        private final java.util.concurrent.atomic.AtomicLong nextAt = new java.util.concurrent.atomic.AtomicLong(
                System.nanoTime());
        private final java.util.concurrent.atomic.AtomicLong heldBack = new java.util.concurrent.atomic.AtomicLong();

        LogBudget(Duration period) {
            this.periodNanos = period.toNanos();
        }

        boolean admit() {
            long now = System.nanoTime();
            long next = nextAt.get();
            if (now - next >= 0 && nextAt.compareAndSet(next, now + periodNanos)) {
                long held = heldBack.getAndSet(0);
                if (held > 0) {
                    LOG.log(System.Logger.Level.WARNING, "{0} more requests were answered 503 since the last such line",
                            held);
                }
                return true;
            }
            heldBack.incrementAndGet();
            return false;
        }
    }

    private static String causes(Throwable e) {
        List<String> causes = new ArrayList<>();
        for (Throwable t = e; t != null && causes.size() < MAX_CAUSES; t = t.getCause()) {
            causes.add(describe(t));
        }
        return String.join(" <- caused by ", causes);
    }

    /** AAPF messages are safe to show by contract; other messages are left out. */
    private static String describe(Throwable t) {
        String text = t instanceof AapfException
                ? t.getClass().getName() + " (" + t.getMessage() + ")"
                : t.getClass().getName();
        return Arrays.stream(t.getStackTrace())
                .filter(frame -> !frame.getClassName().equals(AapfException.class.getName()))
                .findFirst()
                .map(frame -> text + " at " + frame)
                .orElse(text);
    }
}

package org.aapf.application.port.in;

import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.Objects;
import org.aapf.domain.error.AapfException;

/**
 * One page of the audit trail: entries at or after {@code since}, after the cursor {@code after} (0: from the start),
 * oldest first, at most {@code limit}.
 */
public record AuditQuery(Instant since, long after, int limit) {

    public static final int MAX_LIMIT = 1000;
    public static final String SINCE_FORMAT = "'since' must be an ISO-8601 time with offset such as"
            + " 2026-12-04T21:00:00Z, or an ISO-8601 duration back from now such as PT1H or P7D";

    public AuditQuery {
        Objects.requireNonNull(since, "'since' must not be null");
        if (after < 0) {
            throw new IllegalArgumentException("'after' must be >= 0");
        }
        if (limit < 1 || limit > MAX_LIMIT) {
            throw new IllegalArgumentException("'limit' must be 1-" + MAX_LIMIT);
        }
    }

    /**
     * Reads {@code since} as given by an admin or operator: an ISO-8601 time with offset, or an ISO-8601 duration
     * counted back from {@code now}.
     *
     * @throws AapfException {@code INVALID_INPUT} naming both forms
     */
    public static Instant since(String text, Instant now) {
        String value = text == null ? "" : text.strip();
        try {
            if (value.startsWith("P") || value.startsWith("p")) {
                Duration back = Duration.parse(value);
                if (back.isNegative()) {
                    throw AapfException.invalid(SINCE_FORMAT + ".");
                }
                return now.minus(back);
            }
            return OffsetDateTime.parse(value).toInstant();
        } catch (DateTimeParseException | ArithmeticException e) {
            throw AapfException.invalid(SINCE_FORMAT + ".");
        }
    }
}

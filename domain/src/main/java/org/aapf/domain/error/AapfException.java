package org.aapf.domain.error;

import java.time.Duration;
import java.util.Objects;
import java.util.Optional;

/**
 * The one exception family of AAPF: a stable {@link ErrorReason}, a message safe to show to a user, and an
 * optional detail for the log only (never sent to clients).
 */
public class AapfException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    private final ErrorReason reason;
    private final transient Duration retryAfter;

    public AapfException(ErrorReason reason, String userMessage) {
        this(reason, userMessage, null, null);
    }

    public AapfException(ErrorReason reason, String userMessage, Throwable cause) {
        this(reason, userMessage, null, cause);
    }

    private AapfException(ErrorReason reason, String userMessage, Duration retryAfter, Throwable cause) {
        super(Objects.requireNonNull(userMessage, "userMessage"), cause);
        this.reason = Objects.requireNonNull(reason, "reason");
        this.retryAfter = retryAfter;
    }

    public static AapfException invalid(String userMessage) {
        return new AapfException(ErrorReason.INVALID_INPUT, userMessage);
    }

    public static AapfException unauthenticated(String userMessage) {
        return new AapfException(ErrorReason.UNAUTHENTICATED, userMessage);
    }

    public static AapfException forbidden(String userMessage) {
        return new AapfException(ErrorReason.FORBIDDEN, userMessage);
    }

    public static AapfException notFound(String userMessage) {
        return new AapfException(ErrorReason.NOT_FOUND, userMessage);
    }

    public static AapfException throttled(String userMessage, Duration retryAfter) {
        return new AapfException(ErrorReason.THROTTLED, userMessage, Objects.requireNonNull(retryAfter), null);
    }

    public static AapfException unavailable(String userMessage, Throwable cause) {
        return new AapfException(ErrorReason.UNAVAILABLE, userMessage, null, cause);
    }

    /** {@code UNAVAILABLE} because the server is saturated: the caller may retry after {@code retryAfter}. */
    public static AapfException busy(String userMessage, Duration retryAfter) {
        return new AapfException(ErrorReason.UNAVAILABLE, userMessage, Objects.requireNonNull(retryAfter), null);
    }

    public ErrorReason reason() {
        return reason;
    }

    /**
     * How long a caller should wait, when {@link #reason()} is {@link ErrorReason#THROTTLED} (always given) or
     * {@link ErrorReason#UNAVAILABLE} (given when known).
     */
    public Optional<Duration> retryAfter() {
        return Optional.ofNullable(retryAfter);
    }
}

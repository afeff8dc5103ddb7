package org.aapf.domain.cluster;

import java.time.Instant;
import java.util.Objects;

/**
 * Something a user should know about a service, such as a missing image or an out-of-memory kill.
 *
 * @param reason a stable code, e.g. {@code ImageMissing}, {@code OOMKilled}, {@code CrashLoop}, {@code BackendUnreachable}
 */
public record Alert(Level level, String reason, String message, Instant at) {

    public Alert {
        Objects.requireNonNull(level, "'level' must not be null");
        Objects.requireNonNull(reason, "'reason' must not be null");
        Objects.requireNonNull(message, "'message' must not be null");
        Objects.requireNonNull(at, "'at' must not be null");
        if (reason.isBlank()) {
            throw new IllegalArgumentException("'reason' must not be blank");
        }
    }

    /** How serious an alert is. */
    public enum Level {
        WARNING("warning"),
        ERROR("error");

        private final String apiName;

        Level(String apiName) {
            this.apiName = apiName;
        }

        public String apiName() {
            return apiName;
        }
    }
}

package org.aapf.adapter.in.http;

import java.util.Objects;

/** One named part of the server's readiness (the database, the backend...), checked on every readiness probe. */
public interface HealthCheck {

    /** Short, stable name shown in the readiness answer, e.g. {@code database}. */
    String name();

    /** Checks now; should answer within a second or two (a slower check counts as down). May throw (down). */
    Result check();

    /** How a part is doing. */
    enum Status {
        /** Works. */
        UP,
        /** Does not work, but the server still serves what it can (e.g. the cluster backend is down). */
        DEGRADED,
        /** Does not work and the server should get no traffic. */
        DOWN
    }

    /**
     * One check's answer.
     *
     * @param detail one short sentence for operators; no secrets, no addresses of credentials
     */
    record Result(Status status, String detail) {

        public Result {
            Objects.requireNonNull(status, "'status' must not be null");
            Objects.requireNonNull(detail, "'detail' must not be null");
        }

        public static Result up(String detail) {
            return new Result(Status.UP, detail);
        }

        public static Result degraded(String detail) {
            return new Result(Status.DEGRADED, detail);
        }

        public static Result down(String detail) {
            return new Result(Status.DOWN, detail);
        }
    }
}

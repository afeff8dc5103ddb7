package org.aapf.domain.audit;

import java.time.Instant;
import java.util.Arrays;
import java.util.Objects;
import java.util.Optional;

/**
 * One line of the audit trail. It names people, objects and addresses, never a secret: no password, token or hash
 * ever goes into any field (the callers pass names and outcomes only).
 *
 * @param actor the username who acted, {@link #SYSTEM} for AAPF itself (idle stops), or the name a failed login tried
 * @param action what was tried, e.g. {@code login}, {@code cluster.create}, {@code PUT /admin/users/bob/limits}
 * @param target what it was done to (a cluster or token name); empty when nothing in particular
 * @param address the client's network address; empty for AAPF itself and the command line
 * @param detail a short, secret-free explanation (the refusal's reason, the idle time); may be empty
 */
public record AuditEntry(Instant at, String actor, String action, String target, String address, Outcome outcome,
        String detail) {

    /** The actor of what AAPF does on its own. */
    public static final String SYSTEM = "aapf";
    /** The longest text kept in any field; longer text is cut, so nobody can fill the trail with one request. */
    public static final int MAX_FIELD = 200;

    public AuditEntry {
        Objects.requireNonNull(at, "'at' must not be null");
        Objects.requireNonNull(outcome, "'outcome' must not be null");
        actor = clip(actor);
        action = clip(action);
        if (actor.isBlank()) {
            throw new IllegalArgumentException("'actor' must not be blank");
        }
        if (action.isBlank()) {
            throw new IllegalArgumentException("'action' must not be blank");
        }
        target = clip(target);
        address = clip(address);
        detail = clip(detail);
    }

    private static String clip(String text) {
        String value = text == null ? "" : text.strip();
        return value.length() > MAX_FIELD ? value.substring(0, MAX_FIELD) : value;
    }

    /** How it ended. */
    public enum Outcome {
        /** Done as asked. */
        SUCCEEDED("succeeded"),
        /** Not done: bad input, unknown object, or an error. */
        FAILED("failed"),
        /** Not done: not allowed, or wrong credentials. */
        REFUSED("refused"),
        /** Not done: too many attempts; try again later. */
        THROTTLED("throttled");

        private final String apiName;

        Outcome(String apiName) {
            this.apiName = apiName;
        }

        public String apiName() {
            return apiName;
        }

        public static Optional<Outcome> fromApiName(String name) {
            return Arrays.stream(values()).filter(outcome -> outcome.apiName.equals(name)).findFirst();
        }
    }
}

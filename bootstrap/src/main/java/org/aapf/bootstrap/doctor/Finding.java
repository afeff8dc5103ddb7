package org.aapf.bootstrap.doctor;

import java.util.Objects;
import java.util.Optional;

/**
 * What one check found.
 *
 * @param subject what was checked, e.g. {@code database} or {@code image aa_spark}
 * @param detail what was found, one line
 * @param fix what the operator should do; present exactly when the verdict is {@link Verdict#FAIL}
 */
public record Finding(Verdict verdict, String subject, String detail, Optional<String> fix) {

    /** The outcome of a check. */
    public enum Verdict { OK, FAIL, SKIPPED }

    public Finding {
        Objects.requireNonNull(verdict, "'verdict' must not be null");
        Objects.requireNonNull(subject, "'subject' must not be null");
        Objects.requireNonNull(detail, "'detail' must not be null");
        Objects.requireNonNull(fix, "'fix' must not be null");
    }

    static Finding ok(String subject, String detail) {
        return new Finding(Verdict.OK, subject, detail, Optional.empty());
    }

    static Finding fail(String subject, String detail, String fix) {
        return new Finding(Verdict.FAIL, subject, detail, Optional.of(fix));
    }

    static Finding skipped(String subject, String detail) {
        return new Finding(Verdict.SKIPPED, subject, detail, Optional.empty());
    }

    /** The finding as printed: a verdict column, the subject and the detail, then the fix on its own line. */
    public String text() {
        String label = switch (verdict) {
            case OK -> "ok  ";
            case FAIL -> "FAIL";
            case SKIPPED -> "skip";
        };
        return label + "  " + subject + ": " + detail + fix.map(f -> System.lineSeparator() + "      fix: " + f)
                .orElse("");
    }
}

package org.aapf.adapter.out.persistence;

import java.sql.SQLException;
import java.util.Locale;

/** Recognises constraint violations by the SQLSTATE that H2 and PostgreSQL report for them. */
final class SqlErrors {

    private static final String UNIQUE_VIOLATION = "23505";
    /** PostgreSQL reports every foreign key violation as 23503. */
    private static final String FOREIGN_KEY_VIOLATION = "23503";
    /** H2 reports a missing parent row (insert of an orphan) as 23506, a still-referenced parent as 23503. */
    private static final String H2_PARENT_MISSING = "23506";

    /** PostgreSQL: serialization failure and deadlock (the transaction was rolled back; retrying may succeed). */
    private static final String SERIALIZATION_FAILURE = "40001";
    private static final String DEADLOCK = "40P01";
    /** H2: another transaction changed the row concurrently. */
    private static final String H2_CONCURRENT_UPDATE = "90131";

    /** H2: a lock was not granted within its lock timeout; PostgreSQL: lock_not_available. */
    private static final String H2_LOCK_TIMEOUT = "HYT00";
    private static final String LOCK_NOT_AVAILABLE = "55P03";

    private SqlErrors() {
    }

    static boolean isUniqueViolation(Throwable error) {
        return hasSqlState(error, UNIQUE_VIOLATION);
    }

    static boolean isForeignKeyViolation(Throwable error) {
        return hasSqlState(error, FOREIGN_KEY_VIOLATION) || hasSqlState(error, H2_PARENT_MISSING);
    }

    /** True when a concurrent transaction won a write: the caller's view is stale, as after a lost version check. */
    static boolean isWriteConflict(Throwable error) {
        return hasSqlState(error, SERIALIZATION_FAILURE) || hasSqlState(error, DEADLOCK)
                || hasSqlState(error, H2_CONCURRENT_UPDATE);
    }

    /** True when a lock was not granted in time. */
    static boolean isLockTimeout(Throwable error) {
        return hasSqlState(error, H2_LOCK_TIMEOUT) || hasSqlState(error, LOCK_NOT_AVAILABLE);
    }

    /** True when a database message names {@code name} (e.g. the violated constraint), ignoring case. */
    static boolean mentions(Throwable error, String name) {
        String wanted = name.toLowerCase(Locale.ROOT);
        for (Throwable cause = error; cause != null; cause = cause.getCause()) {
            String message = cause.getMessage();
            if (cause instanceof SQLException && message != null
                    && message.toLowerCase(Locale.ROOT).contains(wanted)) {
                return true;
            }
        }
        return false;
    }

    private static boolean hasSqlState(Throwable error, String sqlState) {
        for (Throwable cause = error; cause != null; cause = cause.getCause()) {
            if (cause instanceof SQLException sql && sqlState.equals(sql.getSQLState())) {
                return true;
            }
        }
        return false;
    }
}

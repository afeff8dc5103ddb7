package org.aapf.adapter.out.persistence;

import java.sql.SQLException;

/** Recognises constraint violations by the SQLSTATE that H2 and PostgreSQL report for them. */
final class SqlErrors {

    private static final String UNIQUE_VIOLATION = "23505";
    /** PostgreSQL reports every foreign key violation as 23503. */
    private static final String FOREIGN_KEY_VIOLATION = "23503";
    /** H2 reports a missing parent row (insert of an orphan) as 23506, a still-referenced parent as 23503. */
    private static final String H2_PARENT_MISSING = "23506";

    private SqlErrors() {
    }

    static boolean isUniqueViolation(Throwable error) {
        return hasSqlState(error, UNIQUE_VIOLATION);
    }

    static boolean isForeignKeyViolation(Throwable error) {
        return hasSqlState(error, FOREIGN_KEY_VIOLATION) || hasSqlState(error, H2_PARENT_MISSING);
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

package org.aapf.adapter.out.persistence;

import java.sql.SQLException;

/** Recognises constraint violations by their standard SQLSTATE, which H2 and PostgreSQL both report. */
final class SqlErrors {

    private static final String UNIQUE_VIOLATION = "23505";
    private static final String FOREIGN_KEY_VIOLATION = "23503";

    private SqlErrors() {
    }

    static boolean isUniqueViolation(Throwable error) {
        return hasSqlState(error, UNIQUE_VIOLATION);
    }

    static boolean isForeignKeyViolation(Throwable error) {
        return hasSqlState(error, FOREIGN_KEY_VIOLATION);
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

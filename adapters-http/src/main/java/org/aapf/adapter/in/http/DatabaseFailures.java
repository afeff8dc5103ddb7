package org.aapf.adapter.in.http;

import java.sql.SQLException;
import java.sql.SQLNonTransientConnectionException;
import java.sql.SQLTransientConnectionException;

/**
 * Tells a lost database connection (the database is down or restarting) from other failures, by the JDBC types and
 * SQLSTATE classes every driver reports for it, wherever in the cause chain the persistence layer wrapped them.
 */
final class DatabaseFailures {

    /** SQLSTATE class 08: connection exception (SQL standard). */
    private static final String CONNECTION_EXCEPTION = "08";
    /** PostgreSQL 57P01-57P03: the server is shutting down, crashed or not accepting connections yet. */
    private static final String POSTGRES_SHUTDOWN = "57P0";
    private static final int MAX_DEPTH = 10;

    private DatabaseFailures() {
    }

    static boolean isConnectionLoss(Throwable error) {
        Throwable cause = error;
        for (int depth = 0; cause != null && depth < MAX_DEPTH; depth++, cause = cause.getCause()) {
            if (cause instanceof SQLTransientConnectionException || cause instanceof SQLNonTransientConnectionException) {
                return true;
            }
            if (cause instanceof SQLException sql && sql.getSQLState() != null
                    && (sql.getSQLState().startsWith(CONNECTION_EXCEPTION)
                            || sql.getSQLState().startsWith(POSTGRES_SHUTDOWN))) {
                return true;
            }
        }
        return false;
    }
}

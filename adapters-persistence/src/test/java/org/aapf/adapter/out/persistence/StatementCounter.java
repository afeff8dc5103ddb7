package org.aapf.adapter.out.persistence;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.jdbi.v3.core.Jdbi;
import org.jdbi.v3.core.statement.SqlLogger;
import org.jdbi.v3.core.statement.StatementContext;

/** Records the SQL of every statement (a batch counts once) executed through a {@link Jdbi}, to count queries. */
final class StatementCounter implements SqlLogger {

    private final List<String> statements = new CopyOnWriteArrayList<>();

    private StatementCounter() {
    }

    /** Installs a new counter on {@code jdbi}; handles opened from then on report to it. */
    static StatementCounter attach(Jdbi jdbi) {
        StatementCounter counter = new StatementCounter();
        jdbi.setSqlLogger(counter);
        return counter;
    }

    @Override
    public void logAfterExecution(StatementContext context) {
        statements.add(context.getRenderedSql());
    }

    void reset() {
        statements.clear();
    }

    int count() {
        return statements.size();
    }

    List<String> statements() {
        return List.copyOf(statements);
    }
}

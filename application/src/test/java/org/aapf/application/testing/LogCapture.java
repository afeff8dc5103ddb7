package org.aapf.application.testing;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.logging.Handler;
import java.util.logging.LogRecord;
import java.util.logging.Logger;

/** Collects every log record of this JVM, formatted, while open. */
public final class LogCapture extends Handler implements AutoCloseable {

    private final Logger root = Logger.getLogger("");
    private final List<LogRecord> records = new CopyOnWriteArrayList<>();

    public LogCapture() {
        root.addHandler(this);
    }

    @Override
    public void publish(LogRecord record) {
        records.add(record);
    }

    @Override
    public void flush() {
    }

    @Override
    public void close() {
        root.removeHandler(this);
    }

    /** Waits up to 5 s for {@code count} lines of {@code logger} (written once the response went out). */
    public List<String> awaitLines(String logger, int count) throws InterruptedException {
        long deadline = System.nanoTime() + 5_000_000_000L;
        while (lines(logger).size() < count && System.nanoTime() < deadline) {
            Thread.sleep(20);
        }
        return lines(logger);
    }

    /** Every record collected so far. */
    public List<LogRecord> records() {
        return List.copyOf(records);
    }

    /** The formatted messages of {@code logger} (all loggers when null). */
    public List<String> lines(String logger) {
        java.util.logging.Formatter formatter = new java.util.logging.SimpleFormatter();
        return records.stream()
                .filter(record -> logger == null || logger.equals(record.getLoggerName()))
                .map(formatter::formatMessage)
                .toList();
    }
}

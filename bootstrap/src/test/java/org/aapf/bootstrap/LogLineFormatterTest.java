package org.aapf.bootstrap;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.util.List;
import java.util.logging.Level;
import java.util.logging.LogRecord;

import org.junit.jupiter.api.Test;

class LogLineFormatterTest {

    private final LogLineFormatter formatter = new LogLineFormatter();

    @Test
    void writesUtcTimeWithMillis_levelLoggerAndMessageWithItsParameters() {
        LogRecord record = record(Level.WARNING, "Notebook {0} unreachable: {1}", "2026-01-02T03:04:05.006Z");
        record.setParameters(new Object[] {"abc", "ConnectException"});

        assertEquals("2026-01-02T03:04:05.006Z WARNING org.aapf.access - Notebook abc unreachable: ConnectException"
                + System.lineSeparator(), formatter.format(record));
    }

    @Test
    void padsEveryField() {
        assertEquals("0999-12-31T23:59:59.000Z INFO l - m" + System.lineSeparator(),
                formatter.format(record(Level.INFO, "m", "0999-12-31T23:59:59Z", "l")));
        assertEquals("2026-11-27T00:00:00.099Z INFO l - m" + System.lineSeparator(),
                formatter.format(record(Level.INFO, "m", "2026-11-27T00:00:00.099Z", "l")));
    }

    @Test
    void appendsTheStackTraceOfAThrownException_onTheFollowingLines() {
        LogRecord record = record(Level.SEVERE, "failed", "2026-01-02T03:04:05Z");
        record.setThrown(new IllegalStateException("boom"));

        List<String> lines = formatter.format(record).lines().toList();
        assertEquals("2026-01-02T03:04:05.000Z SEVERE org.aapf.access - failed", lines.get(0));
        assertEquals("java.lang.IllegalStateException: boom", lines.get(1));
        assertTrue(lines.get(2).strip().startsWith("at org.aapf.bootstrap.LogLineFormatterTest"), lines.get(2));
    }

    private static LogRecord record(Level level, String message, String instant) {
        return record(level, message, instant, "org.aapf.access");
    }

    private static LogRecord record(Level level, String message, String instant, String logger) {
        LogRecord record = new LogRecord(level, message);
        record.setLoggerName(logger);
        record.setInstant(Instant.parse(instant));
        return record;
    }
}

package org.aapf.bootstrap;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.logging.Formatter;
import java.util.logging.LogRecord;

/**
 * The console's line format, {@code 2026-11-27T05:34:29.616Z INFO org.aapf.access - message}, then the stack trace of
 * a thrown exception if there is one: the same line as {@link java.util.logging.SimpleFormatter} with the format
 * {@code %1$tY-%1$tm-%1$tdT%1$tH:%1$tM:%1$tS.%1$tLZ %4$s %3$s - %5$s%6$s%n}, except that the time is always UTC, as
 * its {@code Z} says. Built with a StringBuilder rather than {@code String.format}, which costs several times more and
 * runs once per request for the access log.
 */
public final class LogLineFormatter extends Formatter {

    @Override
    public String format(LogRecord record) {
        StringBuilder line = new StringBuilder(192);
        appendUtc(line, record.getMillis());
        line.append(' ').append(record.getLevel().getLocalizedName())
                .append(' ').append(record.getLoggerName())
                .append(" - ").append(formatMessage(record));
        if (record.getThrown() != null) {
            StringWriter trace = new StringWriter();
            try (PrintWriter out = new PrintWriter(trace)) {
                out.println();
                record.getThrown().printStackTrace(out);
            }
            line.append(trace);
        }
        return line.append(System.lineSeparator()).toString();
    }

    private static void appendUtc(StringBuilder line, long epochMillis) {
        LocalDateTime time = LocalDateTime.ofEpochSecond(Math.floorDiv(epochMillis, 1000), 0, ZoneOffset.UTC);
        pad(line, time.getYear(), 4).append('-');
        pad(line, time.getMonthValue(), 2).append('-');
        pad(line, time.getDayOfMonth(), 2).append('T');
        pad(line, time.getHour(), 2).append(':');
        pad(line, time.getMinute(), 2).append(':');
        pad(line, time.getSecond(), 2).append('.');
        pad(line, (int) Math.floorMod(epochMillis, 1000), 3).append('Z');
    }

    /** {@code value} (not negative) with leading zeros to {@code digits} digits, without a String per field. */
    private static StringBuilder pad(StringBuilder line, int value, int digits) {
        for (int i = 1, limit = 10; i < digits; i++, limit *= 10) {
            if (value < limit) {
                line.append('0');
            }
        }
        return line.append(value);
    }
}

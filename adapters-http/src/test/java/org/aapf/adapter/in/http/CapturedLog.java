package org.aapf.adapter.in.http;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.logging.Logger;
import java.util.logging.SimpleFormatter;
import java.util.logging.StreamHandler;

/** Collects what one class logs (through System.Logger, backed by java.util.logging) until closed. */
final class CapturedLog implements AutoCloseable {

    private final Logger logger;
    private final ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    private final StreamHandler handler;

    private CapturedLog(Class<?> type) {
        logger = Logger.getLogger(type.getName());
        handler = new StreamHandler(new PrintStream(bytes, true, StandardCharsets.UTF_8), new SimpleFormatter());
        logger.addHandler(handler);
    }

    static CapturedLog of(Class<?> type) {
        return new CapturedLog(type);
    }

    String text() {
        handler.flush();
        return bytes.toString(StandardCharsets.UTF_8);
    }

    @Override
    public void close() {
        logger.removeHandler(handler);
    }
}

package org.aapf.bootstrap;

import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.Charset;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.logging.ErrorManager;
import java.util.logging.Formatter;
import java.util.logging.Handler;
import java.util.logging.Level;
import java.util.logging.LogManager;
import java.util.logging.LogRecord;
import java.util.logging.SimpleFormatter;

/**
 * The console handler of {@code aapf serve} ({@code System.err}, like {@code java.util.logging.ConsoleHandler}), which
 * writes on its own thread: a logging thread (a request's, for the access log) only queues its record; the writer
 * formats whatever is queued and writes it in one go, flushing whenever the queue is empty, so lines still appear at
 * once. A full queue makes loggers wait rather than lose lines, and {@link #close()} (the LogManager calls it at
 * shutdown) writes everything still queued. Configured like ConsoleHandler: {@code <this class>.level} (default
 * {@code ALL}), {@code .formatter} (default {@link SimpleFormatter}), {@code .encoding}.
 *
 * <p>The source of a record ({@code %2$s} in a SimpleFormatter format) is not looked up by walking the logging
 * thread's stack: it is the logger name, which for AAPF's loggers is the class name.
 */
public final class AsyncConsoleHandler extends Handler {

    private static final int CAPACITY = 8192;
    private static final int BATCH = 256;

    private final BlockingQueue<LogRecord> queue = new ArrayBlockingQueue<>(CAPACITY);
    /** Records queued so far, and records written (or given up on) so far: flush waits until these agree. */
    private final AtomicLong queued = new AtomicLong();
    private final AtomicLong written = new AtomicLong();
    private final Writer out;
    private final Thread writer;
    private volatile boolean closed;

    public AsyncConsoleHandler() {
        LogManager manager = LogManager.getLogManager();
        String prefix = AsyncConsoleHandler.class.getName();
        setLevel(level(manager.getProperty(prefix + ".level")));
        setFormatter(formatter(manager.getProperty(prefix + ".formatter")));
        Charset charset = charset(manager.getProperty(prefix + ".encoding"));
        out = new OutputStreamWriter(System.err, charset);
        writer = Thread.ofPlatform().daemon().name("aapf-log-writer").start(this::writeUntilClosed);
    }

    @Override
    public void publish(LogRecord record) {
        if (closed || !isLoggable(record)) {
            return;
        }
        // No stack walk to find the caller, here or (worse, finding the writer's stack) on the writer thread.
        record.setSourceClassName(record.getLoggerName());
        try {
            queue.put(record);
            queued.incrementAndGet();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /**
     * Waits until the writer has written everything queued before this call (a batch it has taken from the queue but
     * not written yet counts as not written), then flushes.
     */
    @Override
    public void flush() {
        long target = queued.get();
        try {
            while (written.get() < target && writer.isAlive()) {
                Thread.sleep(1);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        write(List.of(), true);
    }

    @Override
    public void close() {
        closed = true;
        writer.interrupt();
        try {
            writer.join(TimeUnit.SECONDS.toMillis(5));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        write(drain(), true);
    }

    private void writeUntilClosed() {
        while (!closed) {
            try {
                LogRecord first = queue.take();
                List<LogRecord> batch = new ArrayList<>(BATCH);
                batch.add(first);
                queue.drainTo(batch, BATCH - 1);
                write(batch, false);
            } catch (InterruptedException e) {
                return;
            }
        }
    }

    private List<LogRecord> drain() {
        List<LogRecord> rest = new ArrayList<>();
        queue.drainTo(rest);
        return rest;
    }

    private synchronized void write(List<LogRecord> records, boolean forceFlush) {
        try {
            for (LogRecord record : records) {
                try {
                    out.write(getFormatter().format(record));
                } catch (RuntimeException e) {
                    reportError("cannot format a log record", e, ErrorManager.FORMAT_FAILURE);
                }
            }
            if (forceFlush || queue.isEmpty()) {
                out.flush();
            }
        } catch (IOException e) {
            reportError("cannot write to the console", e, ErrorManager.WRITE_FAILURE);
        } finally {
            written.addAndGet(records.size());
        }
    }

    private static Level level(String configured) {
        try {
            return configured == null ? Level.ALL : Level.parse(configured.strip());
        } catch (IllegalArgumentException e) {
            return Level.ALL;
        }
    }

    private static Formatter formatter(String configured) {
        if (configured != null) {
            try {
                return (Formatter) ClassLoader.getSystemClassLoader().loadClass(configured.strip())
                        .getDeclaredConstructor().newInstance();
            } catch (ReflectiveOperationException | ClassCastException e) {
                // fall back as ConsoleHandler does
            }
        }
        return new SimpleFormatter();
    }

    private static Charset charset(String configured) {
        try {
            return configured == null ? Charset.defaultCharset() : Charset.forName(configured.strip());
        } catch (IllegalArgumentException e) {
            return Charset.defaultCharset();
        }
    }
}

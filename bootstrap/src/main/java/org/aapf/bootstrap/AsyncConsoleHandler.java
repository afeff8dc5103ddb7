package org.aapf.bootstrap;

import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.Charset;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.LockSupport;
import java.util.logging.ErrorManager;
import java.util.logging.Formatter;
import java.util.logging.Handler;
import java.util.logging.Level;
import java.util.logging.LogManager;
import java.util.logging.LogRecord;
import java.util.logging.SimpleFormatter;

/**
 * The console handler of {@code aapf serve} ({@code System.err}, like {@code java.util.logging.ConsoleHandler}), which
 * writes on its own thread: a logging thread (a request's, for the access log) only queues its record, without waking
 * anyone while the writer is busy. The writer formats what is queued and writes it with one system call; under a steady
 * stream of records it then lingers {@link #LINGER} to collect the next batch, so a busy server writes its access log a
 * few hundred times a second instead of once per request, and a quiet one writes each line at once. At most
 * {@link #CAPACITY} records wait: beyond that, loggers wait rather than lose lines. {@link #close()} (the LogManager
 * calls it at shutdown) writes everything still queued. Configured like ConsoleHandler: {@code <this class>.level}
 * (default {@code ALL}), {@code .formatter} (default {@link SimpleFormatter}), {@code .encoding}.
 *
 * <p>The source of a record ({@code %2$s} in a SimpleFormatter format) is not looked up by walking the logging
 * thread's stack: it is the logger name, which for AAPF's loggers is the class name.
 */
public final class AsyncConsoleHandler extends Handler {

    static final int CAPACITY = 8192;
    static final Duration LINGER = Duration.ofMillis(5);
    private static final int BUFFER_BYTES = 64 * 1024;

    private final Queue<LogRecord> queue = new ConcurrentLinkedQueue<>();
    /** Records queued so far, and records written (or given up on) so far: flush waits until these agree. */
    private final AtomicLong queued = new AtomicLong();
    private final AtomicLong written = new AtomicLong();
    /** Set by the writer before it parks with nothing to do; the logger that clears it wakes the writer. */
    private final AtomicBoolean writerAsleep = new AtomicBoolean();
    private final Writer out;
    private final Thread writer;
    private volatile boolean closed;

    public AsyncConsoleHandler() {
        LogManager manager = LogManager.getLogManager();
        String prefix = AsyncConsoleHandler.class.getName();
        setLevel(level(manager.getProperty(prefix + ".level")));
        setFormatter(formatter(manager.getProperty(prefix + ".formatter")));
        Charset charset = charset(manager.getProperty(prefix + ".encoding"));
        out = new OutputStreamWriter(new BufferedOutputStream(System.err, BUFFER_BYTES), charset);
        writer = Thread.ofPlatform().daemon().name("aapf-log-writer").start(this::writeUntilClosed);
    }

    @Override
    public void publish(LogRecord record) {
        if (closed || !isLoggable(record)) {
            return;
        }
        // No stack walk to find the caller, here or (worse, finding the writer's stack) on the writer thread.
        record.setSourceClassName(record.getLoggerName());
        while (queued.get() - written.get() >= CAPACITY && !closed && writer.isAlive()) {
            wakeWriter();
            LockSupport.parkNanos(TimeUnit.MILLISECONDS.toNanos(1));
        }
        // Counted before it is queued: a flush that counts it then waits for it. Counted after, a record queued ahead
        // of it but not yet counted would be written in its stead, and flush would return with it still queued.
        queued.incrementAndGet();
        queue.add(record);
        if (writerAsleep.get() && writerAsleep.compareAndSet(true, false)) {
            LockSupport.unpark(writer);
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
                wakeWriter();
                Thread.sleep(1);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        write(List.of());
    }

    @Override
    public void close() {
        closed = true;
        LockSupport.unpark(writer);
        try {
            writer.join(TimeUnit.SECONDS.toMillis(5));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        write(drain(Integer.MAX_VALUE));
    }

    private void wakeWriter() {
        writerAsleep.set(false);
        LockSupport.unpark(writer);
    }

    private void writeUntilClosed() {
        while (!closed) {
            List<LogRecord> batch = drain(CAPACITY);
            if (!batch.isEmpty()) {
                write(batch);
                LockSupport.parkNanos(LINGER.toNanos());
            } else {
                writerAsleep.set(true);
                if (queue.isEmpty() && !closed) {
                    LockSupport.park(this);
                }
                writerAsleep.set(false);
            }
        }
    }

    private List<LogRecord> drain(int max) {
        List<LogRecord> batch = new ArrayList<>();
        for (LogRecord record; batch.size() < max && (record = queue.poll()) != null; ) {
            batch.add(record);
        }
        return batch;
    }

    private synchronized void write(List<LogRecord> records) {
        try {
            for (LogRecord record : records) {
                try {
                    out.write(getFormatter().format(record));
                } catch (RuntimeException e) {
                    reportError("cannot format a log record", e, ErrorManager.FORMAT_FAILURE);
                }
            }
            out.flush();
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

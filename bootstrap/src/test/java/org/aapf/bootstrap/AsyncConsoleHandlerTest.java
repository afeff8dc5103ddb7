package org.aapf.bootstrap;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.locks.LockSupport;
import java.util.logging.Formatter;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class AsyncConsoleHandlerTest {

    private final ByteArrayOutputStream console = new ByteArrayOutputStream();
    private PrintStream realErr;
    private AsyncConsoleHandler handler;

    @BeforeEach
    void captureConsole() {
        realErr = System.err;
        System.setErr(new PrintStream(console, true, StandardCharsets.UTF_8));
        handler = new AsyncConsoleHandler();
        handler.setFormatter(new Formatter() {
            @Override
            public String format(LogRecord record) {
                return record.getLevel() + " " + record.getMessage() + "\n";
            }
        });
    }

    @AfterEach
    void restoreConsole() {
        handler.close();
        System.setErr(realErr);
    }

    @Test
    void writesEveryRecordOfOneThreadInOrder_byClose() {
        for (int i = 0; i < 20_000; i++) {
            handler.publish(new LogRecord(Level.INFO, "line " + i));
        }
        handler.close();

        List<String> lines = lines();
        assertEquals(20_000, lines.size());
        for (int i = 0; i < lines.size(); i++) {
            assertEquals("INFO line " + i, lines.get(i));
        }
    }

    @Test
    void loseNoRecordFromManyThreads() throws Exception {
        try (ExecutorService threads = Executors.newVirtualThreadPerTaskExecutor()) {
            for (int t = 0; t < 50; t++) {
                int thread = t;
                threads.submit(() -> {
                    for (int i = 0; i < 200; i++) {
                        handler.publish(new LogRecord(Level.INFO, thread + "/" + i));
                    }
                });
            }
        }
        handler.flush();

        assertEquals(10_000, lines().size());
    }

    @Test
    void respectsTheLevel_andIgnoresRecordsAfterClose() {
        handler.setLevel(Level.WARNING);
        handler.publish(new LogRecord(Level.INFO, "too fine"));
        handler.publish(new LogRecord(Level.WARNING, "kept"));
        handler.close();
        handler.publish(new LogRecord(Level.SEVERE, "after close"));

        assertEquals(List.of("WARNING kept"), lines());
        assertFalse(console.toString(StandardCharsets.UTF_8).contains("after close"));
    }

    @Test
    void writesALoneRecordWithoutFlush() throws Exception {
        awaitWriterAsleep(); // idle since it started

        handler.publish(new LogRecord(Level.INFO, "lone"));

        assertTrue(appears("INFO lone"), "a lone record stayed unwritten until flush");
    }

    @Test
    void writesALoneRecordPublishedAfterTheWriterWentBackToSleep_withoutFlush() throws Exception {
        handler.publish(new LogRecord(Level.INFO, "first"));
        assertTrue(appears("INFO first"));
        Thread.sleep(10 * AsyncConsoleHandler.LINGER.toMillis()); // well past the writer's linger
        awaitWriterAsleep(); // parked with nothing to do: this publish must wake it

        handler.publish(new LogRecord(Level.INFO, "second"));

        assertTrue(appears("INFO second"), "a record published while the writer slept stayed unwritten");
        assertEquals(List.of("INFO first", "INFO second"), lines());
    }

    @Test
    void writesEveryRecordPublishedWhileTheWriterLingers_exactlyOnce() throws Exception {
        Thread writer = awaitWriterAsleep();
        int rounds = 20;
        int threads = 16;
        int perThread = 50;
        List<String> expected = new ArrayList<>();
        try (ExecutorService publishers = Executors.newFixedThreadPool(threads)) {
            for (int round = 0; round < rounds; round++) {
                CountDownLatch go = new CountDownLatch(1);
                List<Future<?>> done = new ArrayList<>();
                for (int t = 0; t < threads; t++) {
                    String prefix = round + "/" + t + "/";
                    done.add(publishers.submit(() -> {
                        go.await();
                        for (int i = 0; i < perThread; i++) {
                            handler.publish(new LogRecord(Level.INFO, prefix + i));
                        }
                        return null;
                    }));
                    for (int i = 0; i < perThread; i++) {
                        expected.add("INFO " + prefix + i);
                    }
                }
                handler.publish(new LogRecord(Level.INFO, "trigger " + round));
                expected.add("INFO trigger " + round);
                // The writer writes the trigger, then lingers (a timed park) to collect the next batch: start then.
                awaitState(writer, Thread.State.TIMED_WAITING);
                go.countDown();
                for (var future : done) {
                    future.get(10, TimeUnit.SECONDS);
                }
            }
        }
        handler.flush();

        List<String> written = new ArrayList<>(lines());
        written.sort(null);
        expected.sort(null);
        assertEquals(expected.size(), written.size(), "records written more than once, or lost");
        assertEquals(expected, written);
    }

    /**
     * A race, so a sample: flush used to return early when another thread had queued a record ahead of the flushing
     * thread's own but not counted it yet (here, with eight threads logging on two CPUs, within the first few hundred
     * flushes in most runs). This runs for two seconds, some hundreds of flushes, and fails on the first that returns
     * before its record is written.
     */
    @Test
    void flushWaitsForTheRecordPublishedBeforeIt_whileOtherThreadsLog() throws Exception {
        AsyncConsoleHandler busy = handlerWritingNowhere();
        Set<String> formatted = ConcurrentHashMap.newKeySet();
        busy.setFormatter(new Formatter() {
            @Override
            public String format(LogRecord record) {
                if (record.getMessage().startsWith("mine ")) {
                    formatted.add(record.getMessage());
                }
                return record.getMessage() + "\n";
            }
        });
        AtomicBoolean stop = new AtomicBoolean();
        List<Thread> others = new ArrayList<>();
        try {
            for (int t = 0; t < 8; t++) {
                others.add(Thread.ofPlatform().name("other-logger-" + t).start(() -> {
                    while (!stop.get()) {
                        busy.publish(new LogRecord(Level.INFO, "other"));
                    }
                }));
            }
            long end = System.nanoTime() + Duration.ofSeconds(2).toNanos();
            for (int i = 0; System.nanoTime() - end < 0; i++) {
                busy.publish(new LogRecord(Level.INFO, "mine " + i));
                busy.flush();
                assertTrue(formatted.contains("mine " + i), "flush " + i + " returned before its record was written");
            }
        } finally {
            stop.set(true);
            for (Thread other : others) {
                other.join();
            }
            busy.close();
        }
    }

    /** A second handler, its console a sink (the other loggers write a lot). */
    private static AsyncConsoleHandler handlerWritingNowhere() {
        PrintStream captured = System.err;
        System.setErr(new PrintStream(OutputStream.nullOutputStream()));
        try {
            return new AsyncConsoleHandler();
        } finally {
            System.setErr(captured);
        }
    }

    /** Polls the console for {@code line} for up to 2 s. */
    private boolean appears(String line) throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofSeconds(2).toNanos();
        while (!lines().contains(line)) {
            if (System.nanoTime() - deadline >= 0) {
                return false;
            }
            Thread.sleep(1);
        }
        return true;
    }

    /** Waits (up to 2 s) until the handler's writer is parked with nothing to do, and returns it. */
    private Thread awaitWriterAsleep() throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofSeconds(2).toNanos();
        while (System.nanoTime() - deadline < 0) {
            for (Thread thread : Thread.getAllStackTraces().keySet()) {
                if (LockSupport.getBlocker(thread) == handler) { // only its untimed park names the handler
                    return thread;
                }
            }
            Thread.sleep(1);
        }
        throw new AssertionError("the writer never went to sleep");
    }

    /** Waits (up to 1 s, spinning: the state may last only a few ms) until {@code thread} is in {@code state}. */
    private static void awaitState(Thread thread, Thread.State state) {
        long deadline = System.nanoTime() + Duration.ofSeconds(1).toNanos();
        while (thread.getState() != state && System.nanoTime() - deadline < 0) {
            Thread.onSpinWait();
        }
    }

    private List<String> lines() {
        return console.toString(StandardCharsets.UTF_8).lines().toList();
    }
}

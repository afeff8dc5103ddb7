package org.aapf.bootstrap;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
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

    private List<String> lines() {
        return console.toString(StandardCharsets.UTF_8).lines().toList();
    }
}

package org.aapf.adapter.out.docker;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import org.aapf.application.service.reconcile.PassReport;
import org.aapf.application.service.reconcile.Reconciler;
import org.aapf.application.service.reconcile.ReconcilerSettings;
import org.aapf.application.testing.InMemoryClusterEventRepository;
import org.aapf.application.testing.InMemoryClusterRepository;
import org.aapf.application.testing.InMemoryReconcilerLease;
import org.aapf.application.testing.LogCapture;
import org.aapf.application.testing.ManualClock;
import org.aapf.application.testing.TestCatalogues;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.aapf.application.port.out.SparkMasterMonitor;
import org.aapf.application.port.out.Metrics;

/**
 * The reconciler on the real Docker backend, pointed at a socket with no engine behind it for 20 minutes (of a manual
 * clock, a pass every 10 s), then at the real engine's socket (a symbolic link appears there): the log holds one line
 * when the engine goes away, a reminder at the first retry 5 minutes or more after the last one (retries back off
 * up to 5 minutes), one line when it returns, and no stack trace.
 */
class EngineOutageLogIT {

    private static final Path ENGINE = Path.of("/var/run/docker.sock");

    private LogCapture log;

    @TempDir
    Path dir;

    @BeforeEach
    void captureLog() {
        log = new LogCapture();
    }

    @AfterEach
    void stopCapturing() {
        log.close();
    }

    @Test
    void givenEngineAwayTwentyMinutes_logHasOneLineReminderEveryFiveMinutesAndOneOnReturn() throws Exception {
        Path socket = dir.resolve("docker.sock");
        ManualClock clock = new ManualClock(Instant.parse("2026-01-05T10:00:00Z"));
        ReconcilerSettings settings = new ReconcilerSettings(Duration.ofSeconds(30), Duration.ofSeconds(2),
                Duration.ofSeconds(60), Duration.ofSeconds(1), Duration.ofMinutes(5), Duration.ofSeconds(10),
                "outage-test");
        DockerSettings docker = new DockerSettings(URI.create("unix://" + socket), Optional.empty(),
                "outage-" + UUID.randomUUID().toString().substring(0, 8), DockerSettings.EndpointMode.LOOPBACK_PUBLISHED, false,
                DockerSettings.DEFAULT_PIDS_LIMIT, DockerSettings.DEFAULT_HEALTH_TIMEOUT);
        try (DockerClusterBackend backend = new DockerClusterBackend(docker);
                Reconciler reconciler = new Reconciler(new InMemoryClusterRepository(),
                        new InMemoryClusterEventRepository(), backend, TestCatalogues::standard,
                        new InMemoryReconcilerLease(Clock.systemUTC()), clock, settings, SparkMasterMonitor.none(),
                        Metrics.none())) {
            for (int pass = 0; pass < 20 * 6; pass++) {
                assertTrue(!reconciler.reconcileOnce().backendReachable(), "no engine behind " + socket);
                clock.advance(Duration.ofSeconds(10));
            }
            Files.createSymbolicLink(socket, ENGINE);
            PassReport back = reconciler.reconcileOnce();
            for (int pass = 0; pass < 6 * 6 && !back.backendReachable(); pass++) {
                clock.advance(Duration.ofSeconds(10));
                back = reconciler.reconcileOnce();
            }
            assertTrue(back.backendReachable(), "the engine answers through " + socket);
        }

        List<LogRecord> records = ours();
        assertEquals(List.of(), records.stream().filter(r -> r.getThrown() != null).map(this::line).toList(),
                "no stack traces");
        // every line about the backend (the lease's own lines are not the outage's)
        List<String> lines = records.stream().map(this::line).filter(line -> line.contains("ackend")).toList();
        assertEquals(1, count(lines, "WARNING Backend docker cannot be observed (UNAVAILABLE)"), lines::toString);
        int reminders = count(lines, "WARNING Backend docker still cannot be observed after");
        // a reminder at the first retry 5 minutes or more after the last line: retries back off up to 5 minutes
        assertTrue(reminders >= 2 && reminders <= 4, "a reminder every 5 to 10 minutes of 20: " + lines);
        assertEquals(1, count(lines, "INFO Backend docker can be observed again, after"), lines::toString);
        assertEquals(1 + reminders + 1, lines.size(), "nothing else: " + lines);
    }

    /** AAPF's own lines; the HTTP client's retry lines are silenced by the server's logging.properties. */
    private List<LogRecord> ours() {
        return log.records().stream()
                .filter(record -> record.getLoggerName() != null && record.getLoggerName().startsWith("org.aapf"))
                .filter(record -> record.getLevel().intValue() >= Level.INFO.intValue())
                .toList();
    }

    private String line(LogRecord record) {
        return record.getLevel() + " " + record.getMessage();
    }

    private static int count(List<String> lines, String prefix) {
        return (int) lines.stream().filter(line -> line.startsWith(prefix)).count();
    }
}

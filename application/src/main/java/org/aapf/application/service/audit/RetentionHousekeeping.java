package org.aapf.application.service.audit;

import jakarta.inject.Inject;
import jakarta.inject.Singleton;
import java.time.Clock;
import java.time.Instant;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.aapf.application.port.out.AuditRepository;
import org.aapf.application.port.out.ClusterEventRetention;

/**
 * Deletes history older than its {@link RetentionSettings}: audit entries, the events of deleted clusters, and each
 * cluster's events older than its latest {@link #EVENTS_KEPT} (a cluster stopped and started, or crashing, over and
 * over would otherwise grow its history without end). Deleting is idempotent, so every server process on a shared
 * database may run it; none needs to lead.
 */
@Singleton
public final class RetentionHousekeeping implements AutoCloseable {

    /** The events a cluster keeps at most: its latest. */
    public static final int EVENTS_KEPT = 1_000;
    private static final System.Logger LOG = System.getLogger(RetentionHousekeeping.class.getName());

    private final AuditRepository audit;
    private final ClusterEventRetention events;
    private final RetentionSettings settings;
    private final Clock clock;
    private ScheduledExecutorService scheduler;

    @Inject
    public RetentionHousekeeping(AuditRepository audit, ClusterEventRetention events, RetentionSettings settings,
            Clock clock) {
        this.audit = audit;
        this.events = events;
        this.settings = settings;
        this.clock = clock;
    }

    /** What one run deleted: audit entries, and cluster events (of deleted clusters, and beyond the latest). */
    public record Purged(int auditEntries, int clusterEvents) {
    }

    /** Deletes what is past retention, once. */
    public Purged purgeOnce() {
        Instant now = clock.instant();
        return new Purged(audit.purgeBefore(now.minus(settings.audit())),
                events.purgeDeletedBefore(now.minus(settings.deletedClusterEvents())) + events.trimTo(EVENTS_KEPT));
    }

    /** Runs {@link #purgeOnce()} now and then every {@link RetentionSettings#interval()}, until closed. */
    public synchronized void start() {
        if (scheduler != null) {
            throw new IllegalStateException("retention housekeeping already started");
        }
        scheduler = Executors.newSingleThreadScheduledExecutor(
                Thread.ofPlatform().name("aapf-retention").daemon().factory());
        scheduler.scheduleWithFixedDelay(this::purgeLogged, 0, settings.interval().toMillis(), TimeUnit.MILLISECONDS);
    }

    @Override
    public synchronized void close() {
        if (scheduler != null) {
            scheduler.shutdownNow();
            scheduler = null;
        }
    }

    private void purgeLogged() {
        try {
            Purged purged = purgeOnce();
            if (purged.auditEntries() + purged.clusterEvents() > 0) {
                LOG.log(System.Logger.Level.INFO, "Deleted {0} audit entries and {1} cluster events past retention",
                        purged.auditEntries(), purged.clusterEvents());
            }
        } catch (RuntimeException e) {
            LOG.log(System.Logger.Level.WARNING, "Retention housekeeping failed; next try in "
                    + settings.interval() + ": " + e.getClass().getSimpleName());
        }
    }
}

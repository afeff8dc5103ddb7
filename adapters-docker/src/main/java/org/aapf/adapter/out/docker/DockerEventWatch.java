package org.aapf.adapter.out.docker;

import com.github.dockerjava.api.DockerClient;
import com.github.dockerjava.api.async.ResultCallback;
import com.github.dockerjava.api.model.Event;
import com.github.dockerjava.api.model.EventType;
import java.lang.System.Logger.Level;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import org.aapf.application.port.out.ClusterBackend;
import org.aapf.application.port.out.InstanceRef;

/**
 * Follows the engine's event stream for one server's containers and wakes the listener on start, die, oom,
 * health_status and destroy; reconnects after failures, replaying what it missed. Because an HTTP health path turns
 * healthy without any Docker event, a started instance with a health path is probed briefly until it answers.
 */
final class DockerEventWatch implements ClusterBackend.Watch {

    private static final System.Logger LOG = System.getLogger(DockerEventWatch.class.getName());
    private static final String[] ACTIONS = {"start", "die", "oom", "health_status", "destroy"};
    private static final Duration MAX_BACKOFF = Duration.ofSeconds(30);
    private static final Duration PROBE_INTERVAL = Duration.ofMillis(100);
    private static final Duration PROBE_FOR = Duration.ofMinutes(10);

    private final DockerClient client;
    private final String serverId;
    private final Consumer<InstanceRef> onChange;
    private final ReadinessCheck readiness;
    private final ScheduledExecutorService scheduler;
    private volatile boolean closed;
    private volatile Events current;
    private volatile long lastEventSecond;
    private volatile Duration backoff = Duration.ofMillis(250);

    DockerEventWatch(DockerClient client, String serverId, Consumer<InstanceRef> onChange,
            ReadinessCheck readiness) {
        this.client = client;
        this.serverId = serverId;
        this.onChange = onChange;
        this.readiness = readiness;
        this.scheduler = Executors.newSingleThreadScheduledExecutor(runnable -> {
            Thread thread = new Thread(runnable, "aapf-docker-watch-" + serverId);
            thread.setDaemon(true);
            return thread;
        });
        this.lastEventSecond = Instant.now().getEpochSecond();
    }

    DockerEventWatch start() {
        scheduler.execute(this::connect);
        return this;
    }

    @Override
    public void close() {
        closed = true;
        Events events = current;
        if (events != null) {
            closeQuietly(events);
        }
        scheduler.shutdownNow();
    }

    private void connect() {
        if (closed) {
            return;
        }
        try {
            current = client.eventsCmd()
                    .withEventTypeFilter(EventType.CONTAINER)
                    .withLabelFilter(OwnedLabels.serverFilter(serverId))
                    .withEventFilter(ACTIONS)
                    .withSince(Long.toString(lastEventSecond))
                    .exec(new Events());
        } catch (RuntimeException e) {
            reconnectLater(e);
        }
    }

    private void reconnectLater(Throwable cause) {
        if (closed) {
            return;
        }
        LOG.log(Level.DEBUG, "Docker event stream lost, reconnecting in " + backoff + ": " + cause);
        Duration delay = backoff;
        backoff = backoff.multipliedBy(2).compareTo(MAX_BACKOFF) > 0 ? MAX_BACKOFF : backoff.multipliedBy(2);
        scheduler.schedule(this::connect, delay.toMillis(), TimeUnit.MILLISECONDS);
    }

    private void received(Event event) {
        backoff = Duration.ofMillis(250);
        if (event.getTime() != null) {
            lastEventSecond = Math.max(lastEventSecond, event.getTime());
        }
        Map<String, String> attributes = event.getActor() == null ? null : event.getActor().getAttributes();
        Optional<InstanceRef> ref = attributes == null ? Optional.empty() : OwnedLabels.ref(attributes);
        if (ref.isEmpty()) {
            return;
        }
        deliver(ref.get());
        if ("start".equals(event.getAction()) && OwnedLabels.healthPath(attributes).isPresent()) {
            Instant until = Instant.now().plus(PROBE_FOR);
            scheduler.execute(() -> probeUntilReady(ref.get(), until));
        }
    }

    private void probeUntilReady(InstanceRef ref, Instant until) {
        if (closed || Instant.now().isAfter(until)) {
            return;
        }
        Readiness now;
        try {
            now = readiness.check(ref);
        } catch (RuntimeException e) {
            now = Readiness.NOT_YET;
        }
        switch (now) {
            case READY -> deliver(ref);
            case NOT_YET -> scheduler.schedule(() -> probeUntilReady(ref, until), PROBE_INTERVAL.toMillis(),
                    TimeUnit.MILLISECONDS);
            case NOT_RUNNING -> {
                // its die or destroy event wakes the listener
            }
        }
    }

    private void deliver(InstanceRef ref) {
        try {
            onChange.accept(ref);
        } catch (RuntimeException e) {
            LOG.log(Level.WARNING, "Cluster backend listener failed", e);
        }
    }

    private static void closeQuietly(Events events) {
        try {
            events.close();
        } catch (java.io.IOException | RuntimeException e) {
            LOG.log(Level.DEBUG, "Closing the Docker event stream failed: " + e);
        }
    }

    /** Whether a started instance answers its health path yet. */
    enum Readiness {
        READY,
        NOT_YET,
        NOT_RUNNING
    }

    /** Probes one instance's health path. */
    @FunctionalInterface
    interface ReadinessCheck {
        Readiness check(InstanceRef ref);
    }

    /** One connection's event callback; its end, for any reason but closing, schedules the next connection. */
    private final class Events extends ResultCallback.Adapter<Event> {

        @Override
        public void onNext(Event event) {
            received(event);
        }

        @Override
        public void onError(Throwable throwable) {
            closeQuietly(this);
            reconnectLater(throwable);
        }

        @Override
        public void onComplete() {
            closeQuietly(this);
            reconnectLater(new IllegalStateException("event stream ended"));
        }
    }
}

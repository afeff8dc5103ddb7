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
import org.aapf.application.port.out.Endpoint;
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
    private static final Duration PROBE_INTERVAL = Duration.ofMillis(50);
    private static final Duration RESOLVE_EVERY = Duration.ofSeconds(1);
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
            scheduler.execute(new Probing(ref.get(), Instant.now().plus(PROBE_FOR)));
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

    /** Where a started instance's health path is asked: the endpoint the backend resolved, and the path. */
    record HealthTarget(Endpoint endpoint, String path) {
    }

    /** Finds and asks one instance's health path. */
    interface ReadinessCheck {

        /** Where to ask; empty when the instance is not running (its die or destroy event follows). */
        Optional<HealthTarget> target(InstanceRef ref);

        /** True when the target answers 2xx. */
        boolean healthy(HealthTarget target);
    }

    /**
     * Asks a started instance's health path every {@link #PROBE_INTERVAL} until it answers, then wakes the listener.
     * The engine is asked where the instance listens only at first and every {@link #RESOLVE_EVERY} after, so that a
     * probe is one local connection attempt while a stopped instance is still noticed.
     */
    private final class Probing implements Runnable {

        private final InstanceRef ref;
        private final Instant until;
        private Optional<HealthTarget> target = Optional.empty();
        private Instant resolvedAt = Instant.MIN;

        Probing(InstanceRef ref, Instant until) {
            this.ref = ref;
            this.until = until;
        }

        @Override
        public void run() {
            Instant now = Instant.now();
            if (closed || now.isAfter(until)) {
                return;
            }
            try {
                if (target.isEmpty() || !now.isBefore(resolvedAt.plus(RESOLVE_EVERY))) {
                    target = readiness.target(ref);
                    resolvedAt = now;
                    if (target.isEmpty()) {
                        return; // not running: its die or destroy event wakes the listener
                    }
                }
                if (readiness.healthy(target.get())) {
                    deliver(ref);
                    return;
                }
            } catch (RuntimeException e) {
                target = Optional.empty();
            }
            scheduler.schedule(this, PROBE_INTERVAL.toMillis(), TimeUnit.MILLISECONDS);
        }
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

package org.aapf.application.service.cluster;

import jakarta.inject.Inject;
import jakarta.inject.Singleton;
import java.time.Clock;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import org.aapf.application.port.in.ResolveNotebookRouteQuery.Ready;
import org.aapf.domain.cluster.AACluster;
import org.aapf.domain.cluster.Instance;
import org.aapf.domain.cluster.NotebookAccess;
import org.aapf.domain.cluster.ProxyId;

/**
 * Where ready notebooks listen, remembered for {@link #TTL} so that the many requests of one notebook page do not
 * each read the database. Every change this process saves to a cluster forgets its routes at once (through
 * {@link RouteForgettingClusterRepository}): a notebook deleted, failed or replaced here is never served from the
 * cache. A change saved by another server process sharing the database is seen after {@link #TTL} at the latest.
 * Only ready routes are remembered: a starting notebook is served as soon as it is ready, an unknown id costs a read.
 * An expired route is kept as the last one known, served only while the database cannot be read ({@link #lastKnown}):
 * running notebooks stay reachable through a database outage.
 */
@Singleton
public final class NotebookRouteCache {

    /** How long a route is trusted without reading the database again. */
    public static final Duration TTL = Duration.ofSeconds(2);
    private static final int LIMIT = 10_000;

    private final Clock clock;
    private final Map<ProxyId, Entry> routes = new ConcurrentHashMap<>();
    /** Counts forgets, so that a route read before a change cannot be remembered after it. */
    private final AtomicLong generation = new AtomicLong();

    @Inject
    public NotebookRouteCache(Clock clock) {
        this.clock = clock;
    }

    Optional<Ready> find(ProxyId proxyId) {
        Entry entry = routes.get(proxyId);
        if (entry == null) {
            return Optional.empty();
        }
        if (clock.millis() >= entry.expiresAtMillis()) {
            return Optional.empty();
        }
        return Optional.of(entry.route());
    }

    /** The last route read for {@code proxyId}, however old, unless a change or a newer read forgot it since. */
    Optional<Ready> lastKnown(ProxyId proxyId) {
        return Optional.ofNullable(routes.get(proxyId)).map(Entry::route);
    }

    /** Forgets {@code proxyId}'s route: the database says it is no longer ready (or no longer exists). */
    void forget(ProxyId proxyId) {
        routes.remove(proxyId);
    }

    /** The generation to hand back to {@link #remember}: take it before reading the database. */
    long generation() {
        return generation.get();
    }

    /** Remembers {@code route} unless a change was saved since {@code readAt} (the route may predate it). */
    void remember(ProxyId proxyId, Ready route, long readAt) {
        if (routes.size() >= LIMIT) {
            routes.clear();
        }
        routes.put(proxyId, new Entry(route, clock.millis() + TTL.toMillis()));
        if (generation.get() != readAt) {
            routes.remove(proxyId);
        }
    }

    /** Forgets the routes of {@code cluster}'s notebooks; called after every saved change to it. */
    void forget(AACluster cluster) {
        generation.incrementAndGet();
        for (Instance instance : cluster.instances()) {
            instance.notebook().map(NotebookAccess::proxyId).ifPresent(routes::remove);
        }
    }

    private record Entry(Ready route, long expiresAtMillis) {
    }
}

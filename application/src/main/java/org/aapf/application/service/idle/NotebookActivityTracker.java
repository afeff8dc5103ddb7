package org.aapf.application.service.idle;

import jakarta.inject.Inject;
import jakarta.inject.Singleton;
import java.time.Clock;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.aapf.application.port.in.RecordNotebookActivity;

/**
 * Remembers, per notebook, when a request last came through this process's proxy. In memory only: after a restart,
 * or on another replica, the notebook's own {@code last_activity} (which every proxied request also moves) still
 * counts.
 */
@Singleton
public final class NotebookActivityTracker implements RecordNotebookActivity {

    private final Map<String, Instant> lastRequest = new ConcurrentHashMap<>();
    private final Clock clock;

    @Inject
    public NotebookActivityTracker(Clock clock) {
        this.clock = clock;
    }

    @Override
    public void record(String proxyId) {
        lastRequest.put(proxyId, clock.instant());
    }

    /** When a request for the notebook last came through; empty when none since this process started. */
    Optional<Instant> lastRequest(String proxyId) {
        return Optional.ofNullable(lastRequest.get(proxyId));
    }

    /** Forgets the notebooks that are not in {@code live}, so that deleted clusters do not pile up. */
    void retainOnly(Set<String> live) {
        lastRequest.keySet().retainAll(live);
    }
}

package org.aapf.application.testing;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.aapf.application.port.out.WarmInstance;
import org.aapf.application.port.out.WarmInstanceRepository;
import org.aapf.domain.cluster.ClusterId;

/**
 * A {@link WarmInstanceRepository} in memory, atomic by one lock like the database's conditional update, that can
 * simulate the claiming process dying right after its claim was stored. Never wired by {@code bootstrap}.
 */
public final class InMemoryWarmInstanceRepository implements WarmInstanceRepository {

    private final Map<ClusterId, WarmInstance> rows = new LinkedHashMap<>();
    private boolean crashAfterNextClaim;

    @Override
    public synchronized void add(WarmInstance instance) {
        if (rows.putIfAbsent(instance.id(), instance) != null) {
            throw new IllegalStateException("duplicate warm instance " + instance.id());
        }
    }

    @Override
    public synchronized List<WarmInstance> listAll() {
        List<WarmInstance> all = new ArrayList<>(rows.values());
        all.sort(Comparator.comparing(WarmInstance::createdAt));
        return List.copyOf(all);
    }

    @Override
    public synchronized void markReady(ClusterId id, Instant at) {
        rows.computeIfPresent(id, (key, row) -> row.readyAt().isEmpty() && row.claimedAt().isEmpty()
                ? with(row, Optional.of(at), row.claimedAt())
                : row);
    }

    @Override
    public synchronized Optional<WarmInstance> claim(String pool, Instant now) {
        Optional<WarmInstance> oldest = rows.values().stream()
                .filter(row -> row.pool().equals(pool) && row.state() == WarmInstance.State.READY)
                .min(Comparator.comparing(row -> row.readyAt().orElseThrow()));
        oldest.ifPresent(row -> rows.put(row.id(), with(row, row.readyAt(), Optional.of(now))));
        if (oldest.isPresent() && crashAfterNextClaim) {
            crashAfterNextClaim = false;
            throw new SimulatedCrash("after claiming warm instance " + oldest.get().id());
        }
        return oldest.map(row -> rows.get(row.id()));
    }

    @Override
    public synchronized boolean retire(ClusterId id, Instant now) {
        WarmInstance row = rows.get(id);
        if (row == null || row.claimedAt().isPresent()) {
            return false;
        }
        rows.put(id, with(row, row.readyAt(), Optional.of(now)));
        return true;
    }

    @Override
    public synchronized void remove(ClusterId id) {
        rows.remove(id);
    }

    /** The process claiming next dies right after its claim is stored, before its cluster is. */
    public synchronized void crashAfterNextClaim() {
        crashAfterNextClaim = true;
    }

    private static WarmInstance with(WarmInstance row, Optional<Instant> readyAt, Optional<Instant> claimedAt) {
        return new WarmInstance(row.id(), row.pool(), row.image(), row.perfType(), row.access(), row.createdAt(),
                readyAt, claimedAt);
    }
}

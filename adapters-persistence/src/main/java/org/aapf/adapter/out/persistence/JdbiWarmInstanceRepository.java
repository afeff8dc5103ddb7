package org.aapf.adapter.out.persistence;

import jakarta.inject.Inject;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.function.IntSupplier;
import org.aapf.application.port.out.WarmInstance;
import org.aapf.application.port.out.WarmInstanceRepository;
import org.aapf.domain.cluster.ClusterId;
import org.aapf.domain.cluster.JupyterToken;
import org.aapf.domain.cluster.NotebookAccess;
import org.aapf.domain.cluster.ProxyId;
import org.jdbi.v3.core.Jdbi;
import org.jdbi.v3.core.JdbiException;

/**
 * {@link WarmInstanceRepository} on {@code warm_instances}. A claim reads a few candidates, then sets
 * {@code claimed_at} on one with a conditional UPDATE that only a caller who saw it unclaimed can win: on PostgreSQL
 * a concurrent claimer waits for the winner's row lock and then finds the row claimed; on H2 it gets a write
 * conflict, counted as lost. Either way the loser tries the next candidate.
 */
public final class JdbiWarmInstanceRepository implements WarmInstanceRepository {

    /** How many candidates one claim tries before it reports the pool empty. */
    private static final int CANDIDATES = 8;

    private final WarmInstanceDao dao;

    @Inject
    public JdbiWarmInstanceRepository(Jdbi jdbi) {
        this.dao = Objects.requireNonNull(jdbi, "'jdbi' must not be null").onDemand(WarmInstanceDao.class);
    }

    @Override
    public void add(WarmInstance instance) {
        dao.insert(instance.id().toString(), instance.pool(), instance.image(), instance.perfType(),
                instance.access().proxyId().value(), instance.access().token().value(),
                UtcTimes.toColumn(instance.createdAt()));
    }

    @Override
    public List<WarmInstance> listAll() {
        return dao.all().stream().map(JdbiWarmInstanceRepository::toWarmInstance).toList();
    }

    @Override
    public void markReady(ClusterId id, Instant at) {
        dao.markReady(id.toString(), UtcTimes.toColumn(at));
    }

    @Override
    public Optional<WarmInstance> claim(String pool, Instant now) {
        OffsetDateTime at = UtcTimes.toColumn(now);
        for (String id : dao.claimable(pool, CANDIDATES)) {
            if (won(() -> dao.claim(id, at))) {
                return dao.find(id).map(JdbiWarmInstanceRepository::toWarmInstance);
            }
        }
        return Optional.empty();
    }

    @Override
    public boolean retire(ClusterId id, Instant now) {
        return won(() -> dao.retire(id.toString(), UtcTimes.toColumn(now)));
    }

    @Override
    public void remove(ClusterId id) {
        dao.delete(id.toString());
    }

    private static boolean won(IntSupplier update) {
        try {
            return update.getAsInt() == 1;
        } catch (JdbiException e) {
            if (SqlErrors.isWriteConflict(e)) {
                return false;
            }
            throw e;
        }
    }

    private static WarmInstance toWarmInstance(WarmInstanceRow row) {
        return new WarmInstance(ClusterId.parse(row.id()), row.pool(), row.image(), row.perfType(),
                new NotebookAccess(new ProxyId(row.proxyId()), new JupyterToken(row.jupyterToken())),
                UtcTimes.toInstant(row.createdAt()), optional(row.readyAt()), optional(row.claimedAt()));
    }

    private static Optional<Instant> optional(OffsetDateTime column) {
        return Optional.ofNullable(column).map(UtcTimes::toInstant);
    }
}

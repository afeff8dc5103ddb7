package org.aapf.adapter.out.persistence;

import jakarta.inject.Inject;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Function;
import org.aapf.application.port.out.ClusterRepository;
import org.aapf.domain.cluster.AACluster;
import org.aapf.domain.cluster.ClusterId;
import org.aapf.domain.cluster.ClusterName;
import org.aapf.domain.cluster.ProxyId;
import org.aapf.domain.error.AapfException;
import org.aapf.domain.error.ErrorReason;
import org.aapf.domain.user.UserId;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.Jdbi;
import org.jdbi.v3.core.JdbiException;
import org.jdbi.v3.core.transaction.TransactionIsolationLevel;

/**
 * {@link ClusterRepository} on the {@code clusters}, {@code cluster_services}, {@code instances} and alert tables.
 * Reads take one query per table inside a repeatable-read transaction (a consistent snapshot, whatever the number of
 * clusters); writes are one transaction each, starting with the compare-and-set on the cluster's version. The API's
 * reads by name and by owner first read the {@code clusters} rows alone and take the rest of each cluster, parsed,
 * from {@link RecentClusterRows} while the version is unchanged: one query instead of a transaction of six. A save
 * diffs against the kept cluster of the version it advances from, so a reconcile pass reads no child rows to save.
 * Every write also advances its owners' list version ({@link #listVersion}) in the same transaction, last.
 */
public final class JdbiClusterRepository implements ClusterRepository {

    private static final String OWNER_NAME_KEY = "clusters_owner_name_uk";
    /** Clusters saved in one transaction: also the length of the IN lists that read their stored rows. */
    private static final int BATCH = 500;
    private static final String LIST_VERSION = "SELECT clusters_version FROM users WHERE id = ?";

    private final Jdbi jdbi;
    private final HotReads reads;
    private final RecentClusterRows recent = new RecentClusterRows();

    @Inject
    public JdbiClusterRepository(Jdbi jdbi) {
        this.jdbi = Objects.requireNonNull(jdbi, "'jdbi' must not be null");
        this.reads = new HotReads(jdbi);
    }

    /** {@inheritDoc} Throws {@code NOT_FOUND} when the owner was removed meanwhile. */
    @Override
    public void add(AACluster cluster) {
        ClusterRows rows = ClusterRows.of(cluster);
        try {
            jdbi.useTransaction(handle -> {
                ClusterWriteDao write = handle.attach(ClusterWriteDao.class);
                insert(write, rows);
                write.advanceListVersions(List.of(cluster.owner().toString()));
            });
        } catch (JdbiException e) {
            throw addFailed(cluster, e);
        }
    }

    @Override
    public boolean update(AACluster cluster) {
        return !updateAll(List.of(cluster)).isEmpty();
    }

    /**
     * {@inheritDoc} Up to {@value #BATCH} clusters a transaction: one batch of compare-and-sets, one query per child
     * table for the stored rows of those that won, one batch per statement for their changes. When a transaction
     * meets a concurrent writer (PostgreSQL: serialization failure, deadlock), its clusters are saved one by one.
     */
    @Override
    public List<AACluster> updateAll(List<AACluster> clusters) {
        List<AACluster> saved = new ArrayList<>(clusters.size());
        for (int from = 0; from < clusters.size(); from += BATCH) {
            List<AACluster> batch = clusters.subList(from, Math.min(clusters.size(), from + BATCH));
            try {
                saved.addAll(jdbi.inTransaction(handle -> save(handle, batch)));
            } catch (JdbiException e) {
                if (!SqlErrors.isWriteConflict(e)) {
                    throw e;
                }
                if (batch.size() > 1) {
                    batch.forEach(cluster -> saved.addAll(updateAll(List.of(cluster))));
                }
            }
        }
        return saved;
    }

    private List<AACluster> save(Handle handle, List<AACluster> batch) {
        ClusterWriteDao write = handle.attach(ClusterWriteDao.class);
        List<ClusterRows> next = batch.stream().map(ClusterRows::of).toList();
        List<String> ids = next.stream().map(rows -> rows.clusters().getFirst().id()).toList();
        int[] advanced = write.advance(next.stream().map(rows -> rows.clusters().getFirst()).toList());
        List<AACluster> saved = new ArrayList<>(batch.size());
        List<String> savedIds = new ArrayList<>(batch.size());
        for (int i = 0; i < batch.size(); i++) {
            if (advanced[i] > 0) {
                saved.add(batch.get(i));
                savedIds.add(ids.get(i));
            }
        }
        if (saved.isEmpty()) {
            return saved;
        }
        Map<String, ClusterRows> stored = storedRows(handle, saved, savedIds);
        ClusterRows none = new ClusterRows(List.of(), List.of(), List.of(), List.of(), List.of());
        ClusterChanges changes = new ClusterChanges();
        for (int i = 0; i < batch.size(); i++) {
            if (advanced[i] > 0) {
                changes.add(stored.getOrDefault(ids.get(i), none), next.get(i));
            }
        }
        changes.write(write);
        write.advanceListVersions(saved.stream().map(cluster -> cluster.owner().toString()).distinct().sorted()
                .toList());
        return saved;
    }

    /**
     * The child rows the database holds for these clusters, whose compare-and-set from their version just succeeded:
     * those of the cluster kept at that version (no child row changes without the version), else read in one query
     * per table.
     */
    private Map<String, ClusterRows> storedRows(Handle handle, List<AACluster> saved, List<String> savedIds) {
        Map<String, ClusterRows> stored = new HashMap<>();
        List<String> unknown = new ArrayList<>();
        for (int i = 0; i < saved.size(); i++) {
            Optional<StoredCluster> kept = recent.at(savedIds.get(i), saved.get(i).version());
            if (kept.isPresent()) {
                stored.put(savedIds.get(i), ClusterRows.of(kept.get().restore()));
            } else {
                unknown.add(savedIds.get(i));
            }
        }
        if (!unknown.isEmpty()) {
            ClusterReadDao read = handle.attach(ClusterReadDao.class);
            stored.putAll(new ClusterRows(List.of(), read.services(unknown), read.instances(unknown),
                    read.clusterAlerts(unknown), read.instanceAlerts(unknown)).perCluster());
        }
        return stored;
    }

    @Override
    public boolean delete(AACluster cluster) {
        try {
            return jdbi.inTransaction(handle -> {
                ClusterWriteDao write = handle.attach(ClusterWriteDao.class);
                boolean deleted = write.delete(cluster.id().toString(), cluster.version()) == 1;
                if (deleted) {
                    write.advanceListVersions(List.of(cluster.owner().toString()));
                }
                return deleted;
            });
        } catch (JdbiException e) {
            if (SqlErrors.isWriteConflict(e)) {
                return false;
            }
            throw e;
        }
    }

    @Override
    public Optional<AACluster> findById(ClusterId id) {
        return read(handle -> Optional.of(id.toString())).stream().findFirst();
    }

    @Override
    public Optional<AACluster> findByName(UserId owner, ClusterName name) {
        return reads.one(ClusterReadDao.CLUSTER_BY_NAME, RowReaders.CLUSTER, owner.toString(), name.value())
                .flatMap(row -> assembleCurrent(List.of(row)).stream().findFirst());
    }

    @Override
    public Optional<AACluster> findByProxyId(ProxyId proxyId) {
        return read(handle -> dao(handle).idByProxyId(proxyId.value())).stream().findFirst();
    }

    @Override
    public List<AACluster> listByOwner(UserId owner) {
        return assembleCurrent(reads.list(ClusterReadDao.CLUSTERS_OF_OWNER, RowReaders.CLUSTER, owner.toString()))
                .stream()
                .sorted(Comparator.comparing(AACluster::name))
                .toList();
    }

    /** {@inheritDoc} {@code users.clusters_version}, advanced by every write here in its own transaction. */
    @Override
    public long listVersion(UserId owner) {
        return reads.one(LIST_VERSION, RowReaders.FIRST_LONG, owner.toString()).orElse(0L);
    }

    /** {@inheritDoc} Five queries (one per table), joined in memory. */
    @Override
    public List<AACluster> listAll() {
        return snapshot(handle -> ClusterAssembler.parse(dao(handle).all()));
    }

    /**
     * The clusters of these current {@code clusters} rows: kept rows where the version is unchanged, the others read
     * in one snapshot (which may find a newer version, or a cluster gone meanwhile).
     */
    private List<AACluster> assembleCurrent(List<ClusterRow> current) {
        List<AACluster> clusters = new ArrayList<>(current.size());
        List<String> stale = new ArrayList<>();
        for (ClusterRow row : current) {
            recent.current(row).ifPresentOrElse(kept -> clusters.add(kept.restore()), () -> stale.add(row.id()));
        }
        if (!stale.isEmpty()) {
            List<StoredCluster> fresh = ClusterAssembler.parse(jdbi.inTransaction(
                    TransactionIsolationLevel.REPEATABLE_READ, handle -> dao(handle).of(stale)));
            recent.remember(fresh);
            fresh.forEach(cluster -> clusters.add(cluster.restore()));
        }
        return clusters;
    }

    private List<AACluster> read(Function<Handle, Optional<String>> findId) {
        return snapshot(handle -> findId.apply(handle)
                .map(id -> ClusterAssembler.parse(dao(handle).of(List.of(id))))
                .orElse(List.of()));
    }

    /** The clusters {@code query} parses in one repeatable-read snapshot, kept and restored. */
    private List<AACluster> snapshot(Function<Handle, List<StoredCluster>> query) {
        List<StoredCluster> stored = jdbi.inTransaction(TransactionIsolationLevel.REPEATABLE_READ, query::apply);
        recent.remember(stored);
        List<AACluster> clusters = new ArrayList<>(stored.size());
        stored.forEach(cluster -> clusters.add(cluster.restore()));
        return clusters;
    }

    private static ClusterReadDao dao(Handle handle) {
        return handle.attach(ClusterReadDao.class);
    }

    private static void insert(ClusterWriteDao dao, ClusterRows rows) {
        dao.insertCluster(rows.clusters().getFirst());
        dao.insertServices(rows.services());
        dao.insertInstances(rows.instances());
        if (!rows.clusterAlerts().isEmpty()) {
            dao.insertClusterAlerts(rows.clusterAlerts());
        }
        if (!rows.instanceAlerts().isEmpty()) {
            dao.insertInstanceAlerts(rows.instanceAlerts());
        }
    }

    private static RuntimeException addFailed(AACluster cluster, JdbiException e) {
        if (SqlErrors.isUniqueViolation(e) && SqlErrors.mentions(e, OWNER_NAME_KEY)) {
            return AapfException.invalid("AACluster named '" + cluster.name() + "' already exists.");
        }
        if (SqlErrors.isForeignKeyViolation(e)) {
            return AapfException.notFound("The owner of this AACluster no longer exists.");
        }
        if (SqlErrors.isUniqueViolation(e)) {
            return new AapfException(ErrorReason.INTERNAL, "The AACluster could not be stored; please try again.", e);
        }
        return e;
    }
}

package org.aapf.adapter.out.persistence;

import jakarta.inject.Inject;
import java.util.ArrayList;
import java.util.Comparator;
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
 * reads by name and by owner first read the {@code clusters} rows alone and take the other tables' rows from
 * {@link RecentClusterRows} while the version is unchanged: one query instead of a transaction of six.
 */
public final class JdbiClusterRepository implements ClusterRepository {

    private static final String OWNER_NAME_KEY = "clusters_owner_name_uk";

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
            jdbi.useTransaction(handle -> insert(handle.attach(ClusterWriteDao.class), rows));
        } catch (JdbiException e) {
            throw addFailed(cluster, e);
        }
    }

    @Override
    public boolean update(AACluster cluster) {
        ClusterRows next = ClusterRows.of(cluster);
        String id = next.clusters().getFirst().id();
        try {
            return jdbi.inTransaction(handle -> {
                ClusterWriteDao write = handle.attach(ClusterWriteDao.class);
                if (write.advance(id, cluster.version(), cluster.status().apiName()) == 0) {
                    return false;
                }
                ClusterReadDao read = handle.attach(ClusterReadDao.class);
                List<String> ids = List.of(id);
                ClusterRows stored = new ClusterRows(List.of(), read.services(ids), read.instances(ids),
                        read.clusterAlerts(ids), read.instanceAlerts(ids));
                ClusterChanges.write(write, stored, next);
                return true;
            });
        } catch (JdbiException e) {
            if (SqlErrors.isWriteConflict(e)) {
                return false;
            }
            throw e;
        }
    }

    @Override
    public boolean delete(AACluster cluster) {
        try {
            return jdbi.withExtension(ClusterWriteDao.class,
                    dao -> dao.delete(cluster.id().toString(), cluster.version())) == 1;
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
        return reads.one(ClusterReadDao.CLUSTER_BY_NAME, Map.of("ownerId", owner.toString(), "name", name.value()),
                        ClusterRow.class)
                .flatMap(row -> assembleCurrent(List.of(row)).stream().findFirst());
    }

    @Override
    public Optional<AACluster> findByProxyId(ProxyId proxyId) {
        return read(handle -> dao(handle).idByProxyId(proxyId.value())).stream().findFirst();
    }

    @Override
    public List<AACluster> listByOwner(UserId owner) {
        return assembleCurrent(reads.list(ClusterReadDao.CLUSTERS_OF_OWNER, "ownerId", owner.toString(),
                        ClusterRow.class)).stream()
                .sorted(Comparator.comparing(AACluster::name))
                .toList();
    }

    /** {@inheritDoc} Five queries (one per table), joined in memory. */
    @Override
    public List<AACluster> listAll() {
        return snapshot(handle -> ClusterAssembler.assemble(dao(handle).all()));
    }

    /**
     * The clusters of these current {@code clusters} rows: kept rows where the version is unchanged, the others read
     * in one snapshot (which may find a newer version, or a cluster gone meanwhile).
     */
    private List<AACluster> assembleCurrent(List<ClusterRow> current) {
        List<AACluster> clusters = new ArrayList<>(current.size());
        List<String> stale = new ArrayList<>();
        for (ClusterRow row : current) {
            recent.current(row).ifPresentOrElse(rows -> clusters.addAll(ClusterAssembler.assemble(rows)),
                    () -> stale.add(row.id()));
        }
        if (!stale.isEmpty()) {
            ClusterRows fresh = jdbi.inTransaction(TransactionIsolationLevel.REPEATABLE_READ,
                    handle -> dao(handle).of(stale));
            recent.remember(fresh);
            clusters.addAll(ClusterAssembler.assemble(fresh));
        }
        return clusters;
    }

    private List<AACluster> read(Function<Handle, Optional<String>> findId) {
        return snapshot(handle -> findId.apply(handle)
                .map(id -> ClusterAssembler.assemble(dao(handle).of(List.of(id))))
                .orElse(List.of()));
    }

    private List<AACluster> snapshot(Function<Handle, List<AACluster>> query) {
        return jdbi.inTransaction(TransactionIsolationLevel.REPEATABLE_READ, query::apply);
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

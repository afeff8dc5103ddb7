package org.aapf.application.testing;

import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Predicate;
import org.aapf.application.port.out.ClusterRepository;
import org.aapf.application.port.out.UserRepository;
import org.aapf.domain.cluster.AACluster;
import org.aapf.domain.cluster.Alert;
import org.aapf.domain.cluster.Instance;
import org.aapf.domain.cluster.ClusterId;
import org.aapf.domain.cluster.ClusterName;
import org.aapf.domain.cluster.ProxyId;
import org.aapf.domain.error.AapfException;
import org.aapf.domain.user.UserId;

/**
 * Stores copies of clusters, like a database would: what callers change is invisible until {@link #update}, and
 * every read is a fresh object. Counts writes, and can simulate a crash on the next update.
 */
public final class InMemoryClusterRepository implements ClusterRepository {

    private final Map<ClusterId, AACluster> rows = new LinkedHashMap<>();
    private final Map<OwnerAndName, ClusterId> byName = new HashMap<>();
    private final Map<UserId, Long> listVersions = new HashMap<>();
    private Predicate<UserId> ownerExists = owner -> true;
    private int updates;
    private boolean crashOnNextUpdate;

    /**
     * From now on a cluster of an owner that {@code users} does not know is refused with {@code NOT_FOUND}, as the
     * database's foreign key does; off by default, since most application tests name owners without storing them.
     */
    public synchronized void requireOwnersIn(UserRepository users) {
        ownerExists = owner -> users.findById(owner).isPresent();
    }

    @Override
    public synchronized void add(AACluster cluster) {
        if (!ownerExists.test(cluster.owner())) {
            throw AapfException.notFound("The owner of the AACluster does not exist.");
        }
        OwnerAndName key = new OwnerAndName(cluster.owner(), cluster.name());
        if (byName.containsKey(key)) {
            throw AapfException.invalid("AACluster named '" + cluster.name() + "' already exists.");
        }
        rows.put(cluster.id(), copy(cluster, cluster.version()));
        byName.put(key, cluster.id());
        listVersions.merge(cluster.owner(), 1L, Long::sum);
    }

    @Override
    public synchronized boolean update(AACluster cluster) {
        AACluster stored = rows.get(cluster.id());
        if (stored == null || stored.version() != cluster.version()) {
            return false;
        }
        if (crashOnNextUpdate) {
            crashOnNextUpdate = false;
            throw new SimulatedCrash("before saving AACluster " + cluster.id());
        }
        rows.put(cluster.id(), copy(cluster, cluster.version() + 1));
        listVersions.merge(cluster.owner(), 1L, Long::sum);
        updates++;
        return true;
    }

    @Override
    public synchronized List<AACluster> updateAll(List<AACluster> clusters) {
        return clusters.stream().filter(this::update).toList();
    }

    @Override
    public synchronized boolean delete(AACluster cluster) {
        AACluster stored = rows.get(cluster.id());
        if (stored == null || stored.version() != cluster.version()) {
            return false;
        }
        rows.remove(cluster.id());
        byName.remove(new OwnerAndName(stored.owner(), stored.name()));
        listVersions.merge(stored.owner(), 1L, Long::sum);
        return true;
    }

    @Override
    public synchronized Optional<AACluster> findById(ClusterId id) {
        return Optional.ofNullable(rows.get(id)).map(InMemoryClusterRepository::copy);
    }

    @Override
    public synchronized Optional<AACluster> findByName(UserId owner, ClusterName name) {
        return Optional.ofNullable(byName.get(new OwnerAndName(owner, name))).map(rows::get)
                .map(InMemoryClusterRepository::copy);
    }

    @Override
    public synchronized Optional<AACluster> findByProxyId(ProxyId proxyId) {
        return rows.values().stream()
                .filter(row -> row.instances().stream().anyMatch(instance -> instance.notebook()
                        .filter(access -> access.proxyId().equals(proxyId)).isPresent()))
                .findFirst().map(InMemoryClusterRepository::copy);
    }

    @Override
    public synchronized List<AACluster> listByOwner(UserId owner) {
        return rows.values().stream().filter(row -> row.owner().equals(owner))
                .sorted(Comparator.comparing(AACluster::name)).map(InMemoryClusterRepository::copy).toList();
    }

    @Override
    public synchronized long listVersion(UserId owner) {
        return listVersions.getOrDefault(owner, 0L);
    }

    @Override
    public synchronized List<AACluster> listAll() {
        return rows.values().stream().map(InMemoryClusterRepository::copy).toList();
    }

    /** How many successful {@link #update} calls there were. */
    public synchronized int updates() {
        return updates;
    }

    /** The next {@link #update} of a current version throws {@link SimulatedCrash} without saving. */
    public synchronized void crashOnNextUpdate() {
        crashOnNextUpdate = true;
    }

    private static AACluster copy(AACluster cluster) {
        return copy(cluster, cluster.version());
    }

    /** A copy as the database would give it back: instants to the microsecond. */
    private static AACluster copy(AACluster cluster, long version) {
        return AACluster.restore(cluster.id(), cluster.runtime(), cluster.owner(), cluster.name(),
                StoredInstants.stored(cluster.createdAt()), cluster.specs(),
                cluster.instances().stream().map(InMemoryClusterRepository::stored).toList(), cluster.status(),
                stored(cluster.alerts()), version);
    }

    private static Instance stored(Instance instance) {
        return new Instance(instance.service(), instance.index(), instance.status(), instance.health(),
                StoredInstants.stored(instance.createdAt()), StoredInstants.stored(instance.updatedAt()),
                stored(instance.alerts()), instance.notebook());
    }

    private static List<Alert> stored(List<Alert> alerts) {
        return alerts.stream().map(alert -> new Alert(alert.level(), alert.reason(), alert.message(),
                StoredInstants.stored(alert.at()))).toList();
    }

    private record OwnerAndName(UserId owner, ClusterName name) {
    }
}

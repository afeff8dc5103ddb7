package org.aapf.application.port.out;

import java.util.List;
import java.util.Optional;
import org.aapf.domain.cluster.AACluster;
import org.aapf.domain.cluster.ClusterId;
import org.aapf.domain.cluster.ClusterName;
import org.aapf.domain.cluster.ProxyId;
import org.aapf.domain.user.UserId;

/**
 * Stores AAClusters with their service specs, instances (status, health, alerts, notebook proxy id and token) and
 * cluster-wide alerts. Every read returns a fresh {@link AACluster} restored with
 * {@link AACluster#restore} and the version storage holds; callers change it and hand it back to {@link #update}.
 * Instants are stored with microsecond precision; nothing read differs from what was written.
 *
 * <p>Concurrency: the API (create, delete) and the reconciler write the same rows. {@link #update} and
 * {@link #delete} are compare-and-set on the version, so a writer holding a stale copy loses and must reload.
 */
public interface ClusterRepository {

    /**
     * Inserts a new cluster (version 0 as given by {@link AACluster#create}).
     *
     * @throws org.aapf.domain.error.AapfException {@code INVALID_INPUT} "AACluster named 'x' already exists." when
     *     the owner has a cluster of that name, also under a race (enforce with a unique key on owner + name); the
     *     proxy id of every notebook instance is unique as well
     */
    void add(AACluster cluster);

    /**
     * Saves everything that may change (status, instances, alerts, and the specs and instances a resize of Spark
     * workers adds or drops) if storage still holds {@code cluster.version()}, and stores version + 1. Identity fields
     * (id, owner, name, createdAt) and notebook access never change.
     *
     * @return false, changing nothing, when the stored version differs or the cluster is gone
     */
    boolean update(AACluster cluster);

    /**
     * Saves each of the clusters as {@link #update} does, a reconcile pass's worth at once: in few transactions, so
     * ten thousand changed clusters take a fraction of what one save each would. Each cluster is still a
     * compare-and-set on its own version; one that lost is left out and changes nothing, the others are saved.
     *
     * @return the clusters saved, in the given order
     */
    List<AACluster> updateAll(List<AACluster> clusters);

    /**
     * Removes the cluster with its instances if storage still holds {@code cluster.version()}. Its events stay.
     *
     * @return false, changing nothing, when the stored version differs or the cluster is already gone
     */
    boolean delete(AACluster cluster);

    Optional<AACluster> findById(ClusterId id);

    Optional<AACluster> findByName(UserId owner, ClusterName name);

    /** The cluster whose notebook instance has this proxy id (used by the reverse proxy). */
    Optional<AACluster> findByProxyId(ProxyId proxyId);

    /** The owner's clusters, sorted by name (Java {@link String#compareTo} order). */
    List<AACluster> listByOwner(UserId owner);

    /**
     * The version of the owner's list of clusters: it moves on, in the same transaction, with every {@link #add},
     * saved {@link #update} / {@link #updateAll} and {@link #delete} of any of the owner's clusters, made by any
     * process sharing the storage, and never goes back. So when two reads of it return the same value,
     * {@link #listByOwner} read after the first would have returned what it returns after the second: one small read
     * tells whether a list read earlier is still exact. 0 for an owner who never had a cluster (or is unknown).
     */
    long listVersion(UserId owner);

    /**
     * Every stored cluster, including those being deleted, in no particular order: the reconciler's desired state.
     * Must load 10,000 clusters in a constant number of queries (no query per cluster).
     */
    List<AACluster> listAll();
}

package org.aapf.application.service.reconcile;

import java.util.HashMap;
import java.util.Map;
import org.aapf.application.port.out.DesiredInstance;
import org.aapf.application.port.out.InstanceRef;
import org.aapf.application.port.out.WarmInstance;
import org.aapf.domain.catalogue.Catalogue;
import org.aapf.domain.cluster.AACluster;
import org.aapf.domain.cluster.Instance;

/**
 * Remembers each instance's desired spec hash between passes, so a steady pass does not rebuild and re-hash every
 * desired instance. Valid because what defines an instance never changes for a given cluster id, except the
 * catalogue, which is compared by identity (a reloaded catalogue is a new object). Entries not used during a pass
 * are dropped at its end.
 */
final class SpecHashes {

    private Map<InstanceRef, Entry> previous = new HashMap<>();
    private Map<InstanceRef, Entry> current = new HashMap<>();

    /**
     * True when an instance observed with {@code observedHash} runs the instance's desired state under
     * {@code catalogue}: its own spec hash, or, for a notebook, the hash of the same spec under the warm pools'
     * owner (a warm instance the cluster took over, started under the cluster's id with its proxy id and token).
     */
    boolean matches(String observedHash, InstanceRef ref, AACluster cluster, Instance instance, Catalogue catalogue) {
        Entry entry = of(ref, cluster, instance, catalogue);
        return entry.hash().equals(observedHash) || entry.warmHash().equals(observedHash);
    }

    private Entry of(InstanceRef ref, AACluster cluster, Instance instance, Catalogue catalogue) {
        Entry entry = current.get(ref);
        if (entry == null) {
            entry = previous.get(ref);
        }
        if (entry == null || entry.catalogue() != catalogue) {
            DesiredInstance desired = DesiredInstances.of(cluster, instance, catalogue);
            String warmHash = instance.notebook().isPresent()
                    ? desired.withOwner(WarmInstance.POOL_OWNER).specHash()
                    : desired.specHash();
            entry = new Entry(catalogue, desired.specHash(), warmHash);
        }
        current.put(ref, entry);
        return entry;
    }

    /** Forgets entries that were not used since the previous call. */
    void endPass() {
        previous = current;
        current = new HashMap<>(previous.size() * 2);
    }

    private record Entry(Catalogue catalogue, String hash, String warmHash) {
    }
}

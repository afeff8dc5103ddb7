package org.aapf.application.service.cluster;

import jakarta.inject.Inject;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;
import org.aapf.application.port.in.ClusterView;
import org.aapf.application.port.in.ListClustersQuery;
import org.aapf.application.port.out.CatalogueSource;
import org.aapf.application.port.out.ClusterRepository;
import org.aapf.domain.catalogue.Catalogue;
import org.aapf.domain.user.UserId;

/**
 * Lists a user's clusters, sorted by name, as the API shows them. The owner's list version is read first and the
 * clusters after it: a list is at least as new as its version, and since the version never goes back, an unchanged
 * version read later proves the list still exact. A version the caller read (with its credential) before asking
 * serves as well as one read here: it too was read before the clusters.
 */
public final class ListClustersService implements ListClustersQuery {

    private final ClusterRepository clusters;
    private final CatalogueSource catalogue;

    @Inject
    public ListClustersService(ClusterRepository clusters, CatalogueSource catalogue) {
        this.clusters = clusters;
        this.catalogue = catalogue;
    }

    @Override
    public ClusterList list(UserId owner, OptionalLong listVersion, Optional<ClusterList> known) {
        long version = listVersion.isPresent() ? listVersion.getAsLong() : clusters.listVersion(owner);
        Catalogue current = catalogue.current();
        if (known.isPresent() && isCurrent(known.get(), owner, version, current)) {
            return known.get();
        }
        List<ClusterView> views = clusters.listByOwner(owner).stream()
                .map(cluster -> ClusterViews.of(cluster, current))
                .toList();
        return new ClusterList(owner, version, current, views);
    }

    private static boolean isCurrent(ClusterList known, UserId owner, long version, Catalogue current) {
        return known.version() == version && known.owner().equals(owner)
                && (known.catalogue() == current || known.catalogue().equals(current));
    }
}

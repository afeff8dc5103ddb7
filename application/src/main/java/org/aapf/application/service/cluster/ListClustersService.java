package org.aapf.application.service.cluster;

import jakarta.inject.Inject;
import java.util.List;
import org.aapf.application.port.in.ClusterView;
import org.aapf.application.port.in.ListClustersQuery;
import org.aapf.application.port.out.CatalogueSource;
import org.aapf.application.port.out.ClusterRepository;
import org.aapf.domain.catalogue.Catalogue;
import org.aapf.domain.user.UserId;

/** Lists a user's clusters, sorted by name, as the API shows them. */
public final class ListClustersService implements ListClustersQuery {

    private final ClusterRepository clusters;
    private final CatalogueSource catalogue;

    @Inject
    public ListClustersService(ClusterRepository clusters, CatalogueSource catalogue) {
        this.clusters = clusters;
        this.catalogue = catalogue;
    }

    @Override
    public List<ClusterView> list(UserId owner) {
        Catalogue current = catalogue.current();
        return clusters.listByOwner(owner).stream().map(cluster -> ClusterViews.of(cluster, current)).toList();
    }
}

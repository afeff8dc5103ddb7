package org.aapf.application.service.cluster;

import jakarta.inject.Inject;
import org.aapf.application.port.in.ClusterView;
import org.aapf.application.port.in.GetClusterQuery;
import org.aapf.application.port.out.CatalogueSource;
import org.aapf.application.port.out.ClusterRepository;
import org.aapf.domain.user.UserId;

/** Reads one of a user's clusters as the API shows it. */
public final class GetClusterService implements GetClusterQuery {

    private final ClusterRepository clusters;
    private final CatalogueSource catalogue;

    @Inject
    public GetClusterService(ClusterRepository clusters, CatalogueSource catalogue) {
        this.clusters = clusters;
        this.catalogue = catalogue;
    }

    @Override
    public ClusterView get(UserId owner, String name) {
        return ClusterViews.of(ClusterLookup.require(clusters, owner, name), catalogue.current());
    }
}

package org.aapf.application.service.account;

import jakarta.inject.Inject;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.aapf.application.port.in.ListUserUsageQuery;
import org.aapf.application.port.in.UsageView;
import org.aapf.application.port.in.UserUsageView;
import org.aapf.application.port.in.UserView;
import org.aapf.application.port.out.CatalogueSource;
import org.aapf.application.port.out.ClusterRepository;
import org.aapf.application.port.out.UserLimitsRepository;
import org.aapf.application.port.out.UserRepository;
import org.aapf.application.service.quota.DefaultLimits;
import org.aapf.application.service.quota.UsageMeter;
import org.aapf.domain.catalogue.Catalogue;
import org.aapf.domain.cluster.AACluster;
import org.aapf.domain.quota.Limits;
import org.aapf.domain.user.UserId;

/** Every account with its limits and use: one read of the users, the overrides and all clusters. */
public final class ListUserUsageService implements ListUserUsageQuery {

    private final UserRepository users;
    private final UserLimitsRepository overrides;
    private final ClusterRepository clusters;
    private final CatalogueSource catalogue;
    private final DefaultLimits defaults;

    @Inject
    public ListUserUsageService(UserRepository users, UserLimitsRepository overrides, ClusterRepository clusters,
            CatalogueSource catalogue, DefaultLimits defaults) {
        this.users = users;
        this.overrides = overrides;
        this.clusters = clusters;
        this.catalogue = catalogue;
        this.defaults = defaults;
    }

    @Override
    public List<UserUsageView> list() {
        Map<UserId, Limits> overridden = overrides.allOverrides();
        Map<UserId, List<AACluster>> byOwner = clusters.listAll().stream()
                .collect(Collectors.groupingBy(AACluster::owner));
        Catalogue current = catalogue.current();
        return users.list().stream()
                .map(user -> new UserUsageView(UserView.from(user), new UsageView(
                        defaults.limits().overriddenBy(overridden.getOrDefault(user.id(), Limits.NONE)),
                        UsageMeter.of(byOwner.getOrDefault(user.id(), List.of()), current))))
                .toList();
    }
}

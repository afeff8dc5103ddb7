package org.aapf.application.service.quota;

import jakarta.inject.Inject;
import java.util.List;
import java.util.function.Supplier;
import org.aapf.application.port.out.CatalogueSource;
import org.aapf.application.port.out.ClusterRepository;
import org.aapf.application.port.out.OwnerLock;
import org.aapf.application.port.out.UserLimitsRepository;
import org.aapf.domain.catalogue.Catalogue;
import org.aapf.domain.cluster.AACluster;
import org.aapf.domain.cluster.ClusterId;
import org.aapf.domain.error.AapfException;
import org.aapf.domain.quota.Limits;
import org.aapf.domain.quota.Usage;
import org.aapf.domain.user.UserId;

/**
 * Keeps a user's creates, resizes and starts within their limits. The caller runs its check and its write inside
 * {@link #guarded}, which holds the owner's {@link OwnerLock}: the check sees every write of the owner's earlier
 * requests on any server, and no other request of the owner writes in between.
 */
public final class UserQuota {

    private final DefaultLimits defaults;
    private final UserLimitsRepository overrides;
    private final ClusterRepository clusters;
    private final CatalogueSource catalogue;
    private final OwnerLock lock;

    @Inject
    public UserQuota(DefaultLimits defaults, UserLimitsRepository overrides, ClusterRepository clusters,
            CatalogueSource catalogue, OwnerLock lock) {
        this.defaults = defaults;
        this.overrides = overrides;
        this.clusters = clusters;
        this.catalogue = catalogue;
        this.lock = lock;
    }

    /** The user's limits: the operator's defaults with the user's overrides. */
    public Limits limitsOf(UserId user) {
        return defaults.limits().overriddenBy(overrides.overridesOf(user));
    }

    /** What the user's clusters use now. */
    public Usage usageOf(UserId user) {
        return UsageMeter.of(clusters.listByOwner(user), catalogue.current());
    }

    /** Runs {@code work} under the owner's lock; without limits for the owner there is nothing to guard. */
    public <T> T guarded(UserId owner, Supplier<T> work) {
        return limitsOf(owner).isEmpty() ? work.get() : lock.whileLocked(owner, work);
    }

    /** What {@code cluster} uses now, to compare with after a change ({@link #check}). */
    public Usage usageOf(AACluster cluster) {
        return UsageMeter.of(cluster, catalogue.current());
    }

    /**
     * Refuses a request that takes one of the owner's clusters from {@code before} to {@code after} beyond a limit;
     * call it inside {@link #guarded}.
     *
     * @param changed the cluster the request creates or changes (left out of the owner's stored clusters)
     * @param request what the request does, e.g. {@code creating AACluster 'big'}
     * @throws AapfException {@code FORBIDDEN} naming the limit, what the request needs and the current use
     */
    public void check(UserId owner, ClusterId changed, String request, Usage before, Usage after) {
        Limits limits = limitsOf(owner);
        if (limits.isEmpty()) {
            return;
        }
        Catalogue current = catalogue.current();
        List<AACluster> others = clusters.listByOwner(owner).stream()
                .filter(cluster -> !cluster.id().equals(changed))
                .toList();
        Usage rest = UsageMeter.of(others, current);
        limits.refusal(request, rest.plus(before), rest.plus(after)).ifPresent(message -> {
            throw AapfException.forbidden(message);
        });
    }
}

package org.aapf.adapter.in.http;

import java.util.List;
import java.util.Optional;
import org.aapf.application.port.in.AdminListClustersQuery;
import org.aapf.application.port.in.DeleteAnyClusterUseCase;
import org.aapf.application.port.in.GetUsageQuery;
import org.aapf.application.port.in.ListUserUsageQuery;
import org.aapf.application.port.in.RequireAdminQuery;
import org.aapf.application.port.in.SetAdminUseCase;
import org.aapf.application.port.in.SetUserLimitsUseCase;
import org.aapf.application.port.in.StopAnyClusterUseCase;
import org.aapf.application.port.in.UsageView;
import org.aapf.application.port.in.UserUsageView;
import org.aapf.application.port.in.UserView;
import org.aapf.domain.error.AapfException;
import org.aapf.domain.quota.Limits;
import org.aapf.domain.quota.Usage;
import org.aapf.domain.user.UserId;

/**
 * The admin and usage use cases for the routing tests: nobody is an admin, so every admin route answers 403 (the
 * real services are tested against the real server); everybody uses nothing of no limit.
 */
final class FakeAdmin implements RequireAdminQuery, ListUserUsageQuery, SetUserLimitsUseCase, SetAdminUseCase,
        AdminListClustersQuery, StopAnyClusterUseCase, DeleteAnyClusterUseCase, GetUsageQuery {

    @Override
    public void requireAdmin(UserId caller) {
        throw AapfException.forbidden("Only admins may do this.");
    }

    @Override
    public List<UserUsageView> list() {
        return List.of();
    }

    @Override
    public UsageView setLimits(String username, Limits overrides) {
        return new UsageView(overrides, Usage.NONE);
    }

    @Override
    public UserView setAdmin(String username, boolean admin) {
        throw AapfException.notFound("No user named '" + username + "'.");
    }

    @Override
    public UserView setAdmin(UserId caller, String username, boolean admin) {
        return setAdmin(username, admin);
    }

    @Override
    public ClusterPage list(ClusterPageRequest request) {
        return new ClusterPage(List.of(), Optional.empty());
    }

    @Override
    public void stop(String owner, String name) {
        throw AapfException.notFound("No user named '" + owner + "'.");
    }

    @Override
    public void delete(String owner, String name) {
        throw AapfException.notFound("No user named '" + owner + "'.");
    }

    @Override
    public UsageView usage(UserId user) {
        return new UsageView(Limits.NONE, Usage.NONE);
    }
}

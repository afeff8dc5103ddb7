package org.aapf.application.service.quota;

import jakarta.inject.Inject;
import org.aapf.application.port.in.GetUsageQuery;
import org.aapf.application.port.in.UsageView;
import org.aapf.domain.user.UserId;

/** The caller's limits and what their clusters use. */
public final class GetUsageService implements GetUsageQuery {

    private final UserQuota quota;

    @Inject
    public GetUsageService(UserQuota quota) {
        this.quota = quota;
    }

    @Override
    public UsageView usage(UserId user) {
        return new UsageView(quota.limitsOf(user), quota.usageOf(user));
    }
}

package org.aapf.application.service.account;

import jakarta.inject.Inject;
import org.aapf.application.port.in.SetUserLimitsUseCase;
import org.aapf.application.port.in.UsageView;
import org.aapf.application.port.out.UserLimitsRepository;
import org.aapf.application.port.out.UserRepository;
import org.aapf.application.service.quota.UserQuota;
import org.aapf.domain.quota.Limits;
import org.aapf.domain.user.User;

/** Stores a user's limit overrides and answers the limits and use that result. */
public final class SetUserLimitsService implements SetUserLimitsUseCase {

    private final UserRepository users;
    private final UserLimitsRepository overrides;
    private final UserQuota quota;

    @Inject
    public SetUserLimitsService(UserRepository users, UserLimitsRepository overrides, UserQuota quota) {
        this.users = users;
        this.overrides = overrides;
        this.quota = quota;
    }

    @Override
    public UsageView setLimits(String username, Limits limits) {
        User user = UserLookup.require(users, username);
        overrides.save(user.id(), limits);
        return new UsageView(quota.limitsOf(user.id()), quota.usageOf(user.id()));
    }
}

package org.aapf.application.service.account;

import jakarta.inject.Inject;
import org.aapf.application.port.in.RequireAdminQuery;
import org.aapf.application.port.out.UserRepository;
import org.aapf.domain.error.AapfException;
import org.aapf.domain.user.User;
import org.aapf.domain.user.UserId;

/** Reads the caller's admin flag from storage on every call, so a revoked admin is refused at once. */
public final class RequireAdminService implements RequireAdminQuery {

    private final UserRepository users;

    @Inject
    public RequireAdminService(UserRepository users) {
        this.users = users;
    }

    @Override
    public void requireAdmin(UserId caller) {
        User user = users.findById(caller)
                .orElseThrow(() -> AapfException.unauthenticated("Invalid or expired token."));
        if (!user.isAdmin()) {
            throw AapfException.forbidden(ProfileService.ADMINS_ONLY);
        }
    }
}

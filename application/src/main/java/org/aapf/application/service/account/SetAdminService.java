package org.aapf.application.service.account;

import jakarta.inject.Inject;
import org.aapf.application.port.in.SetAdminUseCase;
import org.aapf.application.port.in.UserView;
import org.aapf.application.port.out.UserRepository;
import org.aapf.domain.error.AapfException;
import org.aapf.domain.user.User;
import org.aapf.domain.user.UserId;

/** Grants or revokes admin rights. */
public final class SetAdminService implements SetAdminUseCase {

    private final UserRepository users;

    @Inject
    public SetAdminService(UserRepository users) {
        this.users = users;
    }

    @Override
    public UserView setAdmin(String username, boolean admin) {
        return set(UserLookup.require(users, username), admin);
    }

    @Override
    public UserView setAdmin(UserId caller, String username, boolean admin) {
        User user = UserLookup.require(users, username);
        if (!admin && user.id().equals(caller)) {
            throw AapfException.forbidden("You may not revoke your own admin rights: another admin can, or the"
                    + " operator with 'aapf users admin " + user.username().value() + " --revoke'.");
        }
        return set(user, admin);
    }

    private UserView set(User user, boolean admin) {
        if (user.setAdmin(admin)) {
            users.update(user);
        }
        return UserView.from(user);
    }
}

package org.aapf.application.service.account;

import jakarta.inject.Inject;
import org.aapf.application.port.in.SetAdminUseCase;
import org.aapf.application.port.in.UserView;
import org.aapf.application.port.out.UserRepository;
import org.aapf.domain.user.User;

/** Grants or revokes admin rights. */
public final class SetAdminService implements SetAdminUseCase {

    private final UserRepository users;

    @Inject
    public SetAdminService(UserRepository users) {
        this.users = users;
    }

    @Override
    public UserView setAdmin(String username, boolean admin) {
        User user = UserLookup.require(users, username);
        if (user.setAdmin(admin)) {
            users.update(user);
        }
        return UserView.from(user);
    }
}

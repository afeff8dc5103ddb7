package org.aapf.application.service.account;

import jakarta.inject.Inject;
import org.aapf.application.port.in.RemoveUserUseCase;
import org.aapf.application.port.out.UserRepository;
import org.aapf.domain.error.AapfException;
import org.aapf.domain.user.User;

/** Removes an account; the repository removes its sessions and API tokens with it. */
public final class RemoveUserService implements RemoveUserUseCase {

    private final UserRepository users;

    @Inject
    public RemoveUserService(UserRepository users) {
        this.users = users;
    }

    @Override
    public void removeUser(String username) {
        User user = UserLookup.require(users, username);
        if (!users.remove(user.id())) {
            throw AapfException.notFound("No user named '" + username + "'.");
        }
    }
}

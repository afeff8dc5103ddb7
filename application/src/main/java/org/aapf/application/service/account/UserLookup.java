package org.aapf.application.service.account;

import org.aapf.application.port.out.UserRepository;
import org.aapf.domain.error.AapfException;
import org.aapf.domain.user.User;

/** Finds the user an operator command names, or fails with {@code NOT_FOUND}. */
final class UserLookup {

    private UserLookup() {
    }

    static User require(UserRepository users, String username) {
        return Usernames.parse(username).flatMap(users::findByUsername)
                .orElseThrow(() -> AapfException.notFound("No user named '" + username + "'."));
    }
}

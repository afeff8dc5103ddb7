package org.aapf.application.service.account;

import jakarta.inject.Inject;
import org.aapf.application.port.in.GetProfileQuery;
import org.aapf.application.port.in.UserView;
import org.aapf.application.port.out.UserRepository;
import org.aapf.domain.error.AapfException;
import org.aapf.domain.user.User;
import org.aapf.domain.user.UserId;

/** The caller's own profile. */
public final class ProfileService implements GetProfileQuery {

    static final String ADMINS_ONLY = "Only admins may do this.";

    private final UserRepository users;

    @Inject
    public ProfileService(UserRepository users) {
        this.users = users;
    }

    @Override
    public UserView profile(UserId caller) {
        return UserView.from(find(caller));
    }

    private User find(UserId id) {
        return users.findById(id).orElseThrow(() -> AapfException.unauthenticated("Invalid or expired token."));
    }
}

package org.aapf.application.service.account;

import jakarta.inject.Inject;
import java.util.List;
import org.aapf.application.port.in.AdminListUsersQuery;
import org.aapf.application.port.in.GetProfileQuery;
import org.aapf.application.port.in.UserView;
import org.aapf.application.port.out.UserRepository;
import org.aapf.domain.error.AapfException;
import org.aapf.domain.user.User;
import org.aapf.domain.user.UserId;

/** The caller's own profile, and the list of every account for admins only. */
public final class ProfileService implements GetProfileQuery, AdminListUsersQuery {

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

    @Override
    public List<UserView> listUsers(UserId caller) {
        if (!find(caller).isAdmin()) {
            throw AapfException.forbidden(ADMINS_ONLY);
        }
        return users.list().stream().map(UserView::from).toList();
    }

    private User find(UserId id) {
        return users.findById(id).orElseThrow(() -> AapfException.unauthenticated("Invalid or expired token."));
    }
}

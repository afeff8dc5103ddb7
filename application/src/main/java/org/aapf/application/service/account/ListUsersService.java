package org.aapf.application.service.account;

import jakarta.inject.Inject;
import java.util.List;
import org.aapf.application.port.in.ListUsersQuery;
import org.aapf.application.port.in.UserView;
import org.aapf.application.port.out.UserRepository;

/** Lists every account, ordered by username. */
public final class ListUsersService implements ListUsersQuery {

    private final UserRepository users;

    @Inject
    public ListUsersService(UserRepository users) {
        this.users = users;
    }

    @Override
    public List<UserView> listUsers() {
        return users.list().stream().map(UserView::from).toList();
    }
}

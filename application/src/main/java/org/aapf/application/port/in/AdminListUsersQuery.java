package org.aapf.application.port.in;

import java.util.List;
import org.aapf.domain.user.UserId;

/** An admin's view of every account, ordered by username ({@code GET /admin/users}). */
public interface AdminListUsersQuery {

    /** @throws org.aapf.domain.error.AapfException {@code FORBIDDEN} when {@code caller} is not an admin */
    List<UserView> listUsers(UserId caller);
}

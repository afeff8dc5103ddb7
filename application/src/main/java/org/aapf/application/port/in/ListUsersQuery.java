package org.aapf.application.port.in;

import java.util.List;

/** Operator query: every account, ordered by username. */
public interface ListUsersQuery {

    List<UserView> listUsers();
}

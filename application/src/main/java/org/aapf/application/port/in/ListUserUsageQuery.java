package org.aapf.application.port.in;

import java.util.List;

/** Every account with its limits and use, ordered by username (for admins and the operator). */
public interface ListUserUsageQuery {

    /** Reads every cluster once, whatever the number of users. */
    List<UserUsageView> list();
}

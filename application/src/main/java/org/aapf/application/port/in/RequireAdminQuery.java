package org.aapf.application.port.in;

import org.aapf.domain.user.UserId;

/** Lets only admins through to the admin endpoints. */
public interface RequireAdminQuery {

    /**
     * @throws org.aapf.domain.error.AapfException {@code FORBIDDEN} when the caller is not an admin,
     *     {@code UNAUTHENTICATED} when the caller no longer exists
     */
    void requireAdmin(UserId caller);
}

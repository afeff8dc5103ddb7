package org.aapf.application.port.in;

import org.aapf.domain.user.UserId;

/** The caller's own account: name, whether an admin, whether from single sign-on ({@code GET /me}). */
public interface GetProfileQuery {

    /** @throws org.aapf.domain.error.AapfException {@code UNAUTHENTICATED} when the user was removed meanwhile */
    UserView profile(UserId caller);
}

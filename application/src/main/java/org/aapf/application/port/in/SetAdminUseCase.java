package org.aapf.application.port.in;

import org.aapf.domain.user.UserId;

/** Grants or revokes a user's admin rights (the operator's {@code aapf users admin}, an admin's API call). */
public interface SetAdminUseCase {

    /**
     * @return the user afterwards
     * @throws org.aapf.domain.error.AapfException {@code NOT_FOUND} for an unknown user
     */
    UserView setAdmin(String username, boolean admin);

    /**
     * The same, asked by the admin {@code caller}, who may not revoke their own rights: another admin or the operator
     * can, so nobody locks themselves out of the admin pages by a click.
     *
     * @throws org.aapf.domain.error.AapfException {@code FORBIDDEN} when the caller revokes their own rights
     */
    UserView setAdmin(UserId caller, String username, boolean admin);
}

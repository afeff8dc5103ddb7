package org.aapf.application.port.in;

/** Grants or revokes a user's admin rights (the operator's {@code aapf users admin}, an admin's API call). */
public interface SetAdminUseCase {

    /**
     * @return the user afterwards
     * @throws org.aapf.domain.error.AapfException {@code NOT_FOUND} for an unknown user
     */
    UserView setAdmin(String username, boolean admin);
}

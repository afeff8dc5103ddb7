package org.aapf.application.port.in;

/** Operator command: removes an account with its sessions and API tokens. */
public interface RemoveUserUseCase {

    /** @throws org.aapf.domain.error.AapfException {@code NOT_FOUND} for an unknown user. */
    void removeUser(String username);
}

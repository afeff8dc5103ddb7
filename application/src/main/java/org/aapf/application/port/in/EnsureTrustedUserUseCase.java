package org.aapf.application.port.in;

import org.aapf.domain.user.UserId;

/**
 * Embedding host's command: the user it authenticated itself exists in AAPF (clusters reference their owner), with no
 * usable AAPF password.
 */
public interface EnsureTrustedUserUseCase {

    /**
     * The id of the user with this name, created first if there is none; safe when two callers race.
     *
     * @throws org.aapf.domain.error.AapfException {@code INVALID_INPUT} for a bad username
     */
    UserId ensure(EnsureTrustedUserCommand command);

    /** @param username the name the host knows the user by */
    record EnsureTrustedUserCommand(String username) {
    }
}

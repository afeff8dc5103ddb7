package org.aapf.application.port.out;

import java.util.List;
import java.util.Optional;
import org.aapf.domain.user.ExternalIdentity;
import org.aapf.domain.user.User;
import org.aapf.domain.user.UserId;
import org.aapf.domain.user.Username;

/** Stores users. */
public interface UserRepository {

    /**
     * Inserts a new user.
     *
     * @throws org.aapf.domain.error.AapfException {@code INVALID_INPUT} when the username, or another one with the
     *     same {@link Username#key()} ('Alice' for 'alice'), is taken (also under a race)
     */
    void add(User user);

    /** Saves the user's password hash and change time, admin flag and provider groups. */
    void update(User user);

    /** The user linked to this identity at the OpenID Connect provider. */
    Optional<User> findByExternalIdentity(ExternalIdentity identity);

    Optional<User> findById(UserId id);

    /** The user of that name, or else the one whose name has the same {@link Username#key()}. */
    Optional<User> findByUsername(Username username);

    /** All users ordered by username. */
    List<User> list();

    /**
     * Removes the user and everything stored only for them (sessions, API tokens); false if there was none.
     *
     * @throws org.aapf.domain.error.AapfException {@code INVALID_INPUT} when the user still owns AAClusters: they
     *     must be deleted first, so the reconciler tears them down on the backend
     */
    boolean remove(UserId id);
}

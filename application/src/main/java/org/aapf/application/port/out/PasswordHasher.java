package org.aapf.application.port.out;

import java.time.Duration;
import org.aapf.domain.error.AapfException;
import org.aapf.domain.user.Password;
import org.aapf.domain.user.PasswordHash;

/**
 * One-way, salted, deliberately slow password hashing. {@link #hash} and {@link #verify} may refuse with
 * {@code UNAVAILABLE} (and a retry-after) at once when too many hashes already wait: a flood of logins must not queue
 * without end.
 */
public interface PasswordHasher {

    PasswordHash hash(Password password);

    /** True when {@code password} is the one {@code hash} was made from. Takes about as long as {@link #hash}. */
    boolean verify(Password password, PasswordHash hash);

    /**
     * A fixed hash of an unguessable password, to verify against when the username is unknown so that unknown users
     * and wrong passwords take the same time.
     */
    PasswordHash decoy();

    /**
     * True when a hash asked for now would be refused because too many wait already: callers check it first, so that a
     * flood is turned away before any other work (the database) is done for it. A hint only: the hash may still be
     * refused.
     */
    default boolean saturated() {
        return false;
    }

    /** How a saturated hasher refuses: {@code UNAVAILABLE}, to be retried after 2 s. */
    static AapfException saturation() {
        return AapfException.busy("The server is busy checking passwords. Please try again shortly.",
                Duration.ofSeconds(2));
    }
}

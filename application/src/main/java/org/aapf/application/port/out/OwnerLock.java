package org.aapf.application.port.out;

import java.util.function.Supplier;
import org.aapf.domain.user.UserId;

/**
 * Serialises the requests of one owner that must check their limits and then write: across every server sharing the
 * database, at most one {@code work} per owner runs at a time, and whatever a finished {@code work} committed is seen
 * by the next one. Two racing creates therefore cannot both pass a check that only one of them fits.
 */
public interface OwnerLock {

    /**
     * Runs {@code work} holding the owner's lock, waiting for a holder to finish first; {@code work} writes through the
     * repositories as usual (each write commits on its own).
     *
     * @throws org.aapf.domain.error.AapfException {@code NOT_FOUND} when the owner does not exist, {@code UNAVAILABLE}
     *     when the lock cannot be had in a few seconds
     */
    <T> T whileLocked(UserId owner, Supplier<T> work);
}

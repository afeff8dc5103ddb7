package org.aapf.application.port.out;

import java.time.Instant;
import java.util.Optional;
import org.aapf.application.port.out.IdentityProvider.SignOnRequest;
import org.aapf.domain.token.SecretDigest;
import org.aapf.domain.user.UserId;

/**
 * Keeps single sign-on attempts between the browser's round trips, in the database so that any server of an
 * installation can finish what another began. Both kinds of entry are taken at most once: {@code take...} removes
 * what it returns, and two concurrent takes of one entry give it to one of them only.
 */
public interface SignOnRepository {

    /** Keeps a started attempt, keyed by the digest of its state, until {@code expiresAt}. */
    void savePending(SecretDigest state, SignOnRequest request, Instant expiresAt);

    /**
     * Removes and returns the attempt with this state, if it exists and has not expired at {@code now}; the returned
     * request's state is empty, since only its digest is kept.
     */
    Optional<SignOnRequest> takePending(SecretDigest state, Instant now);

    /** Keeps a finished sign-on for {@code user}, keyed by the digest of its one-time code. */
    void saveHandoff(SecretDigest code, UserId user, Instant expiresAt);

    /** Removes and returns the user of this one-time code, if it exists and has not expired at {@code now}. */
    Optional<UserId> takeHandoff(SecretDigest code, Instant now);

    /** Removes every entry that expired before {@code now}; how many. */
    int removeExpired(Instant now);
}

package org.aapf.application.port.out;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.aapf.domain.token.ApiToken;
import org.aapf.domain.token.ApiTokenId;
import org.aapf.domain.token.TokenName;
import org.aapf.domain.user.UserId;

/** Stores API tokens (digests only). */
public interface ApiTokenRepository {

    /**
     * Inserts a new token.
     *
     * @throws org.aapf.domain.error.AapfException {@code INVALID_INPUT} when the owner has a token of that name
     *     (also under a race)
     */
    void add(ApiToken token);

    Optional<ApiToken> findById(ApiTokenId id);

    /**
     * The token, as {@link #findById} reads it, for authenticating a request: with its owner's list version when the
     * storage can read both at once.
     */
    default Optional<CredentialRead<ApiToken>> findForRequest(ApiTokenId id) {
        return findById(id).map(CredentialRead::alone);
    }

    Optional<ApiToken> findByName(UserId owner, TokenName name);

    /** The owner's tokens ordered by creation time (then name). */
    List<ApiToken> listByOwner(UserId owner);

    /** Records the last use; cheap and safe to call on every request. */
    void markUsed(ApiTokenId id, Instant now);

    /** Deletes the token; false if the owner has no token of that name. */
    boolean delete(UserId owner, TokenName name);
}

package org.aapf.adapter.out.persistence;

import jakarta.inject.Inject;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;
import org.aapf.application.port.out.IdentityProvider.SignOnRequest;
import org.aapf.application.port.out.SignOnRepository;
import org.aapf.domain.token.SecretDigest;
import org.aapf.domain.user.UserId;
import org.jdbi.v3.core.Jdbi;

/**
 * {@link SignOnRepository} on {@code sign_on_attempts} and {@code sign_on_handoffs}. A take reads the row, then
 * deletes it: only the caller whose delete removed the row gets it, so concurrent takes of one entry yield it once.
 */
public final class JdbiSignOnRepository implements SignOnRepository {

    private final SignOnDao dao;

    @Inject
    public JdbiSignOnRepository(Jdbi jdbi) {
        this.dao = Objects.requireNonNull(jdbi, "'jdbi' must not be null").onDemand(SignOnDao.class);
    }

    @Override
    public void savePending(SecretDigest state, SignOnRequest request, Instant expiresAt) {
        dao.insertAttempt(state.hex(), request.nonce(), request.codeVerifier(), UtcTimes.toColumn(expiresAt));
    }

    @Override
    public Optional<SignOnRequest> takePending(SecretDigest state, Instant now) {
        return dao.findAttempt(state.hex())
                .filter(row -> dao.deleteAttempt(state.hex()) == 1)
                .filter(row -> UtcTimes.toInstant(row.expiresAt()).isAfter(now))
                .map(row -> new SignOnRequest("", row.nonce(), row.codeVerifier()));
    }

    @Override
    public void saveHandoff(SecretDigest code, UserId user, Instant expiresAt) {
        dao.insertHandoff(code.hex(), user.toString(), UtcTimes.toColumn(expiresAt));
    }

    @Override
    public Optional<UserId> takeHandoff(SecretDigest code, Instant now) {
        return dao.findHandoff(code.hex())
                .filter(row -> dao.deleteHandoff(code.hex()) == 1)
                .filter(row -> UtcTimes.toInstant(row.expiresAt()).isAfter(now))
                .map(row -> UserId.parse(row.userId()));
    }

    @Override
    public int removeExpired(Instant now) {
        return dao.deleteAttemptsBefore(UtcTimes.toColumn(now)) + dao.deleteHandoffsBefore(UtcTimes.toColumn(now));
    }
}

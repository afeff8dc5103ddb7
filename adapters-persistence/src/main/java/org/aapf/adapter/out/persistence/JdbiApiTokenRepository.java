package org.aapf.adapter.out.persistence;

import jakarta.inject.Inject;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.aapf.application.port.out.ApiTokenRepository;
import org.aapf.application.port.out.CredentialRead;
import org.aapf.domain.error.AapfException;
import org.aapf.domain.token.ApiToken;
import org.aapf.domain.token.ApiTokenId;
import org.aapf.domain.token.SecretDigest;
import org.aapf.domain.token.TokenName;
import org.aapf.domain.user.UserId;
import org.jdbi.v3.core.Jdbi;
import org.jdbi.v3.core.JdbiException;

/** {@link ApiTokenRepository} on the {@code api_tokens} table; only digests of token secrets are stored. */
public final class JdbiApiTokenRepository implements ApiTokenRepository {

    private final ApiTokenDao dao;
    private final CoalescedReads<CredentialRead<ApiTokenRow>> reads;

    @Inject
    public JdbiApiTokenRepository(Jdbi jdbi) {
        this.dao = Objects.requireNonNull(jdbi, "'jdbi' must not be null").onDemand(ApiTokenDao.class);
        this.reads = CoalescedReads.of(new HotReads(jdbi), ApiTokenDao.FIND_BY_IDS,
                RowReaders.API_TOKEN_WITH_LIST_VERSION, read -> read.credential().id());
    }

    /** {@inheritDoc} Throws {@code NOT_FOUND} when the owner was removed meanwhile. */
    @Override
    public void add(ApiToken token) {
        try {
            dao.insert(token.id().toString(), token.owner().toString(), token.name().value(), token.digest().hex(),
                    UtcTimes.toColumn(token.createdAt()), UtcTimes.toColumn(token.lastUsedAt().orElse(null)));
        } catch (JdbiException e) {
            if (SqlErrors.isUniqueViolation(e)) {
                throw AapfException.invalid("an API token named '" + token.name() + "' already exists");
            }
            if (SqlErrors.isForeignKeyViolation(e)) {
                throw AapfException.notFound("the owner of this API token no longer exists");
            }
            throw e;
        }
    }

    @Override
    public Optional<ApiToken> findById(ApiTokenId id) {
        return findForRequest(id).map(CredentialRead::credential);
    }

    /** {@inheritDoc} One statement reads both, for every request asking at that moment ({@link CoalescedReads}). */
    @Override
    public Optional<CredentialRead<ApiToken>> findForRequest(ApiTokenId id) {
        return reads.find(id.toString())
                .map(read -> new CredentialRead<>(toToken(read.credential()), read.listVersion()));
    }

    @Override
    public Optional<ApiToken> findByName(UserId owner, TokenName name) {
        return dao.findByName(owner.toString(), name.value()).map(JdbiApiTokenRepository::toToken);
    }

    @Override
    public List<ApiToken> listByOwner(UserId owner) {
        return dao.listByUser(owner.toString()).stream().map(JdbiApiTokenRepository::toToken).toList();
    }

    @Override
    public void markUsed(ApiTokenId id, Instant now) {
        dao.markUsed(id.toString(), UtcTimes.toColumn(now));
    }

    @Override
    public boolean delete(UserId owner, TokenName name) {
        return dao.delete(owner.toString(), name.value()) > 0;
    }

    private static ApiToken toToken(ApiTokenRow row) {
        return ApiToken.restore(ApiTokenId.parse(row.id()), UserId.parse(row.userId()), new TokenName(row.name()),
                new SecretDigest(row.digest()), UtcTimes.toInstant(row.createdAt()),
                UtcTimes.toInstant(row.lastUsedAt()));
    }
}

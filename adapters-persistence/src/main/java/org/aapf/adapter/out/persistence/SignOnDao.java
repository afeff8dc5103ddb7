package org.aapf.adapter.out.persistence;

import java.time.OffsetDateTime;
import java.util.Optional;
import org.jdbi.v3.sqlobject.statement.SqlQuery;
import org.jdbi.v3.sqlobject.statement.SqlUpdate;

/** SQL for {@code sign_on_attempts} and {@code sign_on_handoffs}. */
interface SignOnDao {

    @SqlUpdate("""
            INSERT INTO sign_on_attempts (state_digest, nonce, code_verifier, expires_at)
            VALUES (:stateDigest, :nonce, :codeVerifier, :expiresAt)
            """)
    void insertAttempt(String stateDigest, String nonce, String codeVerifier, OffsetDateTime expiresAt);

    @SqlQuery("SELECT state_digest, nonce, code_verifier, expires_at FROM sign_on_attempts"
            + " WHERE state_digest = :stateDigest")
    Optional<AttemptRow> findAttempt(String stateDigest);

    @SqlUpdate("DELETE FROM sign_on_attempts WHERE state_digest = :stateDigest")
    int deleteAttempt(String stateDigest);

    @SqlUpdate("""
            INSERT INTO sign_on_handoffs (code_digest, user_id, expires_at)
            VALUES (:codeDigest, :userId, :expiresAt)
            """)
    void insertHandoff(String codeDigest, String userId, OffsetDateTime expiresAt);

    @SqlQuery("SELECT code_digest, user_id, expires_at FROM sign_on_handoffs WHERE code_digest = :codeDigest")
    Optional<HandoffRow> findHandoff(String codeDigest);

    @SqlUpdate("DELETE FROM sign_on_handoffs WHERE code_digest = :codeDigest")
    int deleteHandoff(String codeDigest);

    @SqlUpdate("DELETE FROM sign_on_attempts WHERE expires_at < :now")
    int deleteAttemptsBefore(OffsetDateTime now);

    @SqlUpdate("DELETE FROM sign_on_handoffs WHERE expires_at < :now")
    int deleteHandoffsBefore(OffsetDateTime now);

    /** One row of {@code sign_on_attempts}. */
    record AttemptRow(String stateDigest, String nonce, String codeVerifier, OffsetDateTime expiresAt) {
    }

    /** One row of {@code sign_on_handoffs}. */
    record HandoffRow(String codeDigest, String userId, OffsetDateTime expiresAt) {
    }
}

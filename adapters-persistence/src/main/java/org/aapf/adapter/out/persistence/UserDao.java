package org.aapf.adapter.out.persistence;

import java.util.List;
import java.util.Optional;
import org.jdbi.v3.sqlobject.customizer.Bind;
import org.jdbi.v3.sqlobject.customizer.BindMethods;
import org.jdbi.v3.sqlobject.statement.SqlQuery;
import org.jdbi.v3.sqlobject.statement.SqlUpdate;

/**
 * SQL for {@code users}; sessions and API tokens of a deleted user go with it (ON DELETE CASCADE), AAClusters block
 * it.
 */
interface UserDao {

    String COLUMNS = "id, username, password_hash, created_at, password_changed_at, admin, external_issuer,"
            + " external_subject, provider_groups";

    @SqlUpdate("""
            INSERT INTO users (id, username, username_key, password_hash, created_at, password_changed_at, admin,
                               external_issuer, external_subject, provider_groups)
            VALUES (:id, :username, :usernameKey, :passwordHash, :createdAt, :passwordChangedAt, :admin,
                    :externalIssuer, :externalSubject, :providerGroups)
            """)
    void insert(@BindMethods UserRow row, @Bind("usernameKey") String usernameKey);

    @SqlUpdate("""
            UPDATE users
               SET password_hash = :passwordHash, password_changed_at = :passwordChangedAt, admin = :admin,
                   provider_groups = :providerGroups
             WHERE id = :id
            """)
    int update(@BindMethods UserRow row);

    @SqlQuery("SELECT " + COLUMNS + " FROM users WHERE external_issuer = :issuer AND external_subject = :subject")
    Optional<UserRow> findByExternalIdentity(String issuer, String subject);

    @SqlQuery("SELECT " + COLUMNS + " FROM users WHERE id = :id")
    Optional<UserRow> findById(String id);

    @SqlQuery("SELECT " + COLUMNS + " FROM users WHERE username = :username")
    Optional<UserRow> findByUsername(String username);

    @SqlQuery("SELECT " + COLUMNS + " FROM users WHERE username_key = :usernameKey")
    Optional<UserRow> findByUsernameKey(String usernameKey);

    @SqlQuery("SELECT " + COLUMNS + " FROM users ORDER BY username")
    List<UserRow> list();

    @SqlUpdate("DELETE FROM users WHERE id = :id")
    int delete(String id);
}

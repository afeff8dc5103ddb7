package org.aapf.adapter.out.persistence;

import java.time.OffsetDateTime;
import java.util.List;
import java.util.Optional;
import org.jdbi.v3.sqlobject.statement.SqlQuery;
import org.jdbi.v3.sqlobject.statement.SqlUpdate;

/**
 * SQL for {@code users}; sessions and API tokens of a deleted user go with it (ON DELETE CASCADE), AAClusters block
 * it.
 */
interface UserDao {

    String COLUMNS = "id, username, password_hash, created_at, password_changed_at";

    @SqlUpdate("""
            INSERT INTO users (id, username, username_key, password_hash, created_at, password_changed_at)
            VALUES (:id, :username, :usernameKey, :passwordHash, :createdAt, :passwordChangedAt)
            """)
    void insert(String id, String username, String usernameKey, String passwordHash, OffsetDateTime createdAt,
            OffsetDateTime passwordChangedAt);

    @SqlUpdate("""
            UPDATE users
               SET password_hash = :passwordHash, password_changed_at = :passwordChangedAt
             WHERE id = :id
            """)
    int updatePassword(String id, String passwordHash, OffsetDateTime passwordChangedAt);

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

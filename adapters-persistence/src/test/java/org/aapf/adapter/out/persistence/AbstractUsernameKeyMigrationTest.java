package org.aapf.adapter.out.persistence;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import org.aapf.domain.error.AapfException;
import org.aapf.domain.error.ErrorReason;
import org.aapf.domain.user.UserId;
import org.aapf.domain.user.Username;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * Migration V3 on a database that has users from before it, including two that differ only in case: run against
 * every database by the concrete subclasses.
 */
abstract class AbstractUsernameKeyMigrationTest {

    private static final String HASH = "$argon2id$v=19$m=19456,t=2,p=1$c2FsdHNhbHRzYWx0$aGFzaGhhc2hoYXNoaGFzaA";

    private final UserId older = UserId.random();
    private final UserId newer = UserId.random();
    private final UserId other = UserId.random();
    private Database database;

    /** Settings of a new, empty database (nothing migrated yet). */
    protected abstract DatabaseSettings emptyDatabase();

    /** Deletes what {@link #emptyDatabase()} made. */
    protected abstract void dropDatabase();

    @AfterEach
    void drop() {
        if (database != null) {
            database.close();
        }
        dropDatabase();
    }

    @Test
    void existingUsersGetKeys_andCaseTwinsKeepLoggingInWithTheirOwnName() throws SQLException {
        DatabaseSettings settings = emptyDatabase();
        Flyway.configure().dataSource(settings.jdbcUrl(), settings.user(), settings.password())
                .locations(Database.MIGRATIONS).target("2").load().migrate();
        try (Connection connection = DriverManager.getConnection(settings.jdbcUrl(), settings.user(),
                settings.password())) {
            insert(connection, older, "alice", Instant.parse("2020-01-01T00:00:00Z"));
            insert(connection, newer, "Alice", Instant.parse("2021-01-01T00:00:00Z"));
            insert(connection, other, "Bob", Instant.parse("2021-01-01T00:00:00Z"));
        }

        database = Database.open(settings);
        JdbiUserRepository users = new JdbiUserRepository(database.jdbi());

        assertEquals(older, users.findByUsername(new Username("alice")).orElseThrow().id());
        assertEquals(newer, users.findByUsername(new Username("Alice")).orElseThrow().id());
        assertEquals(older, users.findByUsername(new Username("ALICE")).orElseThrow().id(), "the oldest owns the key");
        assertEquals(other, users.findByUsername(new Username("bob")).orElseThrow().id());
        assertEquals(List.of("alice", "alice:" + newer, "bob"), database.jdbi().withHandle(handle -> handle
                .createQuery("SELECT username_key FROM users ORDER BY username_key").mapTo(String.class).list()));
        AapfException taken = assertThrows(AapfException.class,
                () -> users.add(Accounts.user("BOB")));
        assertEquals(ErrorReason.INVALID_INPUT, taken.reason());
    }

    private static void insert(Connection connection, UserId id, String name, Instant at) throws SQLException {
        try (PreparedStatement insert = connection.prepareStatement("INSERT INTO users"
                + " (id, username, password_hash, created_at, password_changed_at) VALUES (?, ?, ?, ?, ?)")) {
            insert.setString(1, id.toString());
            insert.setString(2, name);
            insert.setString(3, HASH);
            insert.setTimestamp(4, Timestamp.from(at));
            insert.setTimestamp(5, Timestamp.from(at));
            insert.executeUpdate();
        }
    }
}

package org.aapf.adapter.out.persistence;

import java.security.SecureRandom;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.HexFormat;

/**
 * Makes throw-away, migrated databases for tests: a private H2 in-memory database, or a private schema in the local
 * PostgreSQL test database ({@code jdbc:postgresql://127.0.0.1:5432/test}, user {@code postgres}; override with the
 * system properties {@code aapf.test.postgres.url} and {@code aapf.test.postgres.user}).
 */
public final class TestDatabases {

    public static final String POSTGRES_URL =
            System.getProperty("aapf.test.postgres.url", "jdbc:postgresql://127.0.0.1:5432/test");
    public static final String POSTGRES_USER = System.getProperty("aapf.test.postgres.user", "postgres");

    private static final int POOL_SIZE = 10;
    private static final SecureRandom RANDOM = new SecureRandom();

    private TestDatabases() {
    }

    /** A new in-memory H2 database; closing the returned database shuts it down and frees its memory. */
    public static TestDatabase h2() {
        // DB_CLOSE_DELAY=-1 keeps the database while the pool has no open connection; SHUTDOWN ends it.
        String url = "jdbc:h2:mem:aapf_test_" + randomSuffix() + ";DB_CLOSE_DELAY=-1";
        DatabaseSettings settings = new DatabaseSettings(url, "sa", "", POOL_SIZE);
        return new TestDatabase(settings, Database.open(settings), () -> execute(url, "sa", "SHUTDOWN"));
    }

    /** A new schema with a random name in the PostgreSQL test database; closing drops it with everything in it. */
    public static TestDatabase postgres() {
        String schema = "aapf_test_" + randomSuffix();
        execute(POSTGRES_URL, POSTGRES_USER, "CREATE SCHEMA " + schema);
        String separator = POSTGRES_URL.contains("?") ? "&" : "?";
        String url = POSTGRES_URL + separator + "currentSchema=" + schema;
        DatabaseSettings settings = new DatabaseSettings(url, POSTGRES_USER, "", POOL_SIZE);
        TestDatabase.Cleanup dropSchema =
                () -> execute(POSTGRES_URL, POSTGRES_USER, "DROP SCHEMA " + schema + " CASCADE");
        try {
            return new TestDatabase(settings, Database.open(settings), dropSchema);
        } catch (RuntimeException e) {
            dropSchema.run();
            throw e;
        }
    }

    /** The schema a {@link #postgres()} database lives in. */
    public static String postgresSchema(TestDatabase database) {
        String url = database.settings().jdbcUrl();
        return url.substring(url.indexOf("currentSchema=") + "currentSchema=".length());
    }

    private static String randomSuffix() {
        byte[] bytes = new byte[6];
        RANDOM.nextBytes(bytes);
        return HexFormat.of().formatHex(bytes);
    }

    private static void execute(String url, String user, String sql) {
        try (Connection connection = DriverManager.getConnection(url, user, "");
                Statement statement = connection.createStatement()) {
            statement.execute(sql);
        } catch (SQLException e) {
            throw new IllegalStateException("statement failed on " + JdbcUrls.describe(url) + ": " + sql, e);
        }
    }
}

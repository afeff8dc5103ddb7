package org.aapf.adapter.out.persistence;

import java.nio.file.Path;
import java.util.Objects;

/**
 * How to reach the database: a JDBC URL (H2 or PostgreSQL), credentials and the connection pool size.
 *
 * <p>{@link #toString()} never shows the password.
 */
public record DatabaseSettings(String jdbcUrl, String user, String password, int maxPoolSize) {

    /** Pool size used by {@link #h2File(Path)}; enough for a single server process and its background jobs. */
    public static final int DEFAULT_MAX_POOL_SIZE = 10;

    /** Upper bound for {@code maxPoolSize}; a bigger pool only moves contention into the database. */
    public static final int MAX_POOL_SIZE_LIMIT = 200;

    /** File name (without H2's {@code .mv.db} suffix) of the database inside the data directory. */
    static final String H2_FILE_NAME = "aapf";

    public DatabaseSettings {
        Objects.requireNonNull(jdbcUrl, "'jdbcUrl' must not be null");
        if (!supports(jdbcUrl)) {
            throw new IllegalArgumentException("'jdbcUrl' must be a PostgreSQL (jdbc:postgresql:) or H2 (jdbc:h2:) URL");
        }
        Objects.requireNonNull(user, "'user' must not be null");
        Objects.requireNonNull(password, "'password' must not be null");
        if (maxPoolSize < 1 || maxPoolSize > MAX_POOL_SIZE_LIMIT) {
            throw new IllegalArgumentException("'maxPoolSize' must be between 1 and " + MAX_POOL_SIZE_LIMIT);
        }
    }

    /** True for the URLs of the databases AAPF runs on: PostgreSQL ({@code jdbc:postgresql:}) and H2 ({@code jdbc:h2:}). */
    public static boolean supports(String jdbcUrl) {
        return jdbcUrl.startsWith("jdbc:postgresql:") || jdbcUrl.startsWith("jdbc:h2:");
    }

    /**
     * An H2 database file {@code aapf} in {@code dataDir}, opened in H2's automatic mixed mode
     * ({@code AUTO_SERVER=TRUE}): the first process embeds the database and serves it to later processes (such as
     * {@code aapf users add} while the server runs), which connect to it transparently over TCP.
     */
    public static DatabaseSettings h2File(Path dataDir) {
        Objects.requireNonNull(dataDir, "'dataDir' must not be null");
        String directory = dataDir.toAbsolutePath().normalize().toString().replace('\\', '/');
        if (directory.indexOf(';') >= 0) {
            throw new IllegalArgumentException("'dataDir' must not contain ';'");
        }
        String url = "jdbc:h2:file:" + directory + "/" + H2_FILE_NAME + ";AUTO_SERVER=TRUE";
        return new DatabaseSettings(url, "sa", "", DEFAULT_MAX_POOL_SIZE);
    }

    /** A one-line description of the database without credentials or URL parameters. */
    public String describe() {
        return JdbcUrls.describe(jdbcUrl);
    }

    @Override
    public String toString() {
        return "DatabaseSettings[" + describe() + ", user=" + user + ", password=[redacted], maxPoolSize="
                + maxPoolSize + "]";
    }
}

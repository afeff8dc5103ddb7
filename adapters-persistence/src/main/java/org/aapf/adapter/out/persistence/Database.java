package org.aapf.adapter.out.persistence;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import java.lang.System.Logger.Level;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.Locale;
import java.util.Objects;
import javax.sql.DataSource;
import org.aapf.domain.error.AapfException;
import org.aapf.domain.error.ErrorReason;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.FlywayException;
import org.jdbi.v3.core.Jdbi;
import org.jdbi.v3.sqlobject.SqlObjectPlugin;

/**
 * The AAPF database: a migrated schema behind a connection pool, with the {@link Jdbi} the repositories use.
 *
 * <p>Opening runs the Flyway migrations in {@code classpath:db/migration} against the connection's current schema
 * (on PostgreSQL choose it with the {@code currentSchema} URL parameter). Closing closes the pool this class created;
 * a {@link DataSource} handed in by an embedder is left open.
 */
public final class Database implements AutoCloseable {

    static final String MIGRATIONS = "classpath:db/migration";

    private static final System.Logger LOG = System.getLogger(Database.class.getName());
    private static final String H2_BIND_ADDRESS = "h2.bindAddress";
    private static final int PING_TIMEOUT_SECONDS = 2;
    /**
     * How long a request waits for a connection: while the database is down every request waits this long before it
     * is answered 503, so it is short; a healthy pool hands connections out in microseconds.
     */
    static final long CONNECTION_TIMEOUT_MILLIS = 3_000;
    /** What an embedder's data source is assumed to hold when it does not say (HikariCP's default). */
    private static final int ASSUMED_POOL_SIZE = 10;
    /**
     * On PostgreSQL, a session left idle inside a transaction for 5 s is ended by the server, which rolls the transaction
     * back and frees its row locks: a server process frozen mid-transaction (SIGSTOP, a stopped VM) would otherwise
     * block every other server's writes to those rows (the reconciler lease, a cluster) until it thaws, and with them
     * the take-over. AAPF's transactions never wait for anything but the database itself.
     */
    private static final String POSTGRES_SESSION_SETUP = "SET idle_in_transaction_session_timeout = '5s'";

    private final DataSource dataSource;
    private final AutoCloseable ownedPool;
    private final String description;
    private final int maxConnections;
    private final Jdbi jdbi;

    private Database(DataSource dataSource, AutoCloseable ownedPool, String description, int maxConnections) {
        this.dataSource = dataSource;
        this.ownedPool = ownedPool;
        this.description = description;
        this.maxConnections = maxConnections;
        this.jdbi = RowReaders.install(HotReadSource.install(Jdbi.create(dataSource).installPlugin(new SqlObjectPlugin()),
                dataSource));
    }

    /** Opens a HikariCP pool with {@code settings} and migrates the schema. */
    public static Database open(DatabaseSettings settings) {
        Objects.requireNonNull(settings, "'settings' must not be null");
        String description = settings.describe();
        warnIfH2ServerListensEverywhere(settings);
        HikariDataSource pool = newPool(settings, description);
        try {
            migrate(pool, description);
            LOG.log(Level.INFO, "Database ready: {0}", description);
            return new Database(pool, pool, description, settings.maxPoolSize());
        } catch (RuntimeException e) {
            pool.close();
            throw e;
        }
    }

    /** Uses a data source owned by an embedder (not closed by {@link #close()}) and migrates the schema. */
    public static Database using(DataSource dataSource) {
        Objects.requireNonNull(dataSource, "'dataSource' must not be null");
        String description = describe(dataSource);
        migrate(dataSource, description);
        return new Database(dataSource, null, description, poolSizeOf(dataSource));
    }

    /** The Jdbi (with the SqlObject plugin installed) that the {@code Jdbi...Repository} classes take. */
    public Jdbi jdbi() {
        return jdbi;
    }

    public DataSource dataSource() {
        return dataSource;
    }

    /** How many connections the pool holds at most (for a data source handed in: as it says, else assumed 10). */
    public int maxConnections() {
        return maxConnections;
    }

    /** True when a connection can be obtained and answers within a few seconds; never throws. */
    public boolean ping() {
        try (Connection connection = dataSource.getConnection()) {
            return connection.isValid(PING_TIMEOUT_SECONDS);
        } catch (SQLException | RuntimeException e) {
            LOG.log(Level.WARNING, "Database ping failed ({0}): {1}", description, e.getMessage());
            return false;
        }
    }

    /**
     * How many migrations this server knows of that the database has not applied (0 once {@link #open} succeeded,
     * unless someone rolled the schema back).
     *
     * @throws AapfException {@code UNAVAILABLE} when the database cannot be reached
     */
    public int pendingMigrations() {
        try {
            return Flyway.configure()
                    .dataSource(dataSource)
                    .locations(MIGRATIONS)
                    .defaultSchema(currentSchema(dataSource, description))
                    .load()
                    .info()
                    .pending()
                    .length;
        } catch (FlywayException e) {
            throw AapfException.unavailable("cannot read the migration history (" + description + ")", e);
        }
    }

    /** One line naming the database, e.g. {@code H2 file /var/lib/aapf/aapf} or {@code PostgreSQL db:5432/aapf}. */
    public String describe() {
        return description;
    }

    @Override
    public void close() {
        if (ownedPool == null) {
            return;
        }
        try {
            ownedPool.close();
        } catch (Exception e) {
            LOG.log(Level.WARNING, "Closing the database pool failed ({0}): {1}", description, e.getMessage());
        }
    }

    @Override
    public String toString() {
        return "Database[" + description + "]";
    }

    /**
     * H2's automatic mixed mode serves the file over TCP (guarded by a random key in the lock file) and by default
     * listens on every interface; {@code -Dh2.bindAddress=127.0.0.1} keeps it on loopback.
     */
    private static void warnIfH2ServerListensEverywhere(DatabaseSettings settings) {
        String url = settings.jdbcUrl().toUpperCase(Locale.ROOT);
        boolean autoServer = url.startsWith("JDBC:H2:") && url.contains(";AUTO_SERVER=TRUE");
        if (autoServer && System.getProperty(H2_BIND_ADDRESS) == null) {
            LOG.log(Level.WARNING, "H2 AUTO_SERVER will listen on all network interfaces; start the JVM with -D"
                    + H2_BIND_ADDRESS + "=127.0.0.1 to keep it local");
        }
    }

    private static HikariDataSource newPool(DatabaseSettings settings, String description) {
        HikariConfig config = new HikariConfig();
        if (settings.jdbcUrl().startsWith("jdbc:postgresql:")) {
            config.setConnectionInitSql(POSTGRES_SESSION_SETUP);
        }
        config.setPoolName("aapf-db");
        config.setJdbcUrl(settings.jdbcUrl());
        config.setUsername(settings.user());
        config.setPassword(settings.password());
        config.setMaximumPoolSize(settings.maxPoolSize());
        config.setMinimumIdle(Math.min(2, settings.maxPoolSize()));
        config.setConnectionTimeout(CONNECTION_TIMEOUT_MILLIS);
        try {
            return new HikariDataSource(config);
        } catch (RuntimeException e) {
            throw AapfException.unavailable("cannot connect to the database (" + description + ")", e);
        }
    }

    private static void migrate(DataSource dataSource, String description) {
        try {
            Flyway.configure()
                    .dataSource(dataSource)
                    .locations(MIGRATIONS)
                    .defaultSchema(currentSchema(dataSource, description))
                    .failOnMissingLocations(true)
                    .load()
                    .migrate();
        } catch (FlywayException e) {
            throw new AapfException(ErrorReason.INTERNAL, "cannot migrate the database (" + description + ")", e);
        }
    }

    /** Flyway keeps its history table in the schema the connection works in, so both always agree. */
    private static String currentSchema(DataSource dataSource, String description) {
        try (Connection connection = dataSource.getConnection()) {
            String schema = connection.getSchema();
            if (schema == null) {
                throw new AapfException(ErrorReason.INTERNAL,
                        "the database connection has no current schema (" + description + ")");
            }
            return schema;
        } catch (SQLException e) {
            throw AapfException.unavailable("cannot connect to the database (" + description + ")", e);
        }
    }

    private static int poolSizeOf(DataSource dataSource) {
        try {
            return dataSource.isWrapperFor(HikariDataSource.class)
                    ? dataSource.unwrap(HikariDataSource.class).getMaximumPoolSize()
                    : ASSUMED_POOL_SIZE;
        } catch (SQLException e) {
            return ASSUMED_POOL_SIZE;
        }
    }

    private static String describe(DataSource dataSource) {
        try (Connection connection = dataSource.getConnection()) {
            return JdbcUrls.describe(connection.getMetaData().getURL());
        } catch (SQLException e) {
            throw AapfException.unavailable("cannot connect to the database", e);
        }
    }
}

package org.aapf.adapter.out.persistence;

import java.lang.System.Logger.Level;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.Objects;
import java.util.UUID;
import javax.sql.DataSource;
import org.aapf.application.port.out.ServerSignals;
import org.postgresql.PGConnection;
import org.postgresql.PGNotification;

/**
 * {@link ServerSignals} over PostgreSQL's {@code LISTEN}/{@code NOTIFY}. The channel is named after the schema (other
 * schemas of the same database are other installations), the payload is this process's random id, so its own
 * announcements are not delivered back. {@link #announce()} is one {@code pg_notify} on a pooled connection;
 * {@link #listen} keeps one pooled connection on a daemon thread that waits for notifications, and when the database
 * goes away reconnects with a growing pause, logging one line when the signals stop and one when they are back, then
 * signals once (announcements may have been missed meanwhile).
 */
public final class PostgresServerSignals implements ServerSignals {

    private static final System.Logger LOG = System.getLogger(PostgresServerSignals.class.getName());
    /** How long one wait for notifications lasts: the longest a closed listener takes to notice. */
    private static final int WAIT_MILLIS = 500;
    private static final Duration FIRST_RETRY = Duration.ofMillis(500);
    private static final Duration LAST_RETRY = Duration.ofSeconds(10);

    private final DataSource dataSource;
    private final String channel;
    private final String sender = UUID.randomUUID().toString();

    PostgresServerSignals(DataSource dataSource, String schema) {
        this.dataSource = Objects.requireNonNull(dataSource, "'dataSource' must not be null");
        this.channel = "aapf:" + Objects.requireNonNull(schema, "'schema' must not be null");
    }

    /** Signals among the servers on {@code database} if it is PostgreSQL; none for H2, which one process owns. */
    public static ServerSignals of(Database database) {
        try (Connection connection = database.dataSource().getConnection()) {
            if (!connection.isWrapperFor(PGConnection.class)) {
                return ServerSignals.none();
            }
            return new PostgresServerSignals(database.dataSource(), connection.getSchema());
        } catch (SQLException e) {
            throw new IllegalStateException("cannot read the database's kind (" + database.describe() + ")", e);
        }
    }

    @Override
    public void announce() {
        try (Connection connection = dataSource.getConnection();
                PreparedStatement notify = connection.prepareStatement("SELECT pg_notify(?, ?)")) {
            notify.setString(1, channel);
            notify.setString(2, sender);
            notify.execute();
        } catch (SQLException | RuntimeException e) {
            LOG.log(Level.DEBUG, "Could not tell the other servers about a change (they see it at their next"
                    + " resync): {0}", e.getMessage());
        }
    }

    @Override
    public Listening listen(Runnable onSignal) {
        Objects.requireNonNull(onSignal, "'onSignal' must not be null");
        Listener listener = new Listener(onSignal);
        Thread thread = Thread.ofPlatform().name("aapf-server-signals").daemon().start(listener);
        return () -> {
            listener.running = false;
            try {
                thread.join(Duration.ofSeconds(5));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        };
    }

    /** The channel as an SQL identifier: quoted, because it holds a colon and the schema's own spelling. */
    private String quotedChannel() {
        return '"' + channel.replace("\"", "\"\"") + '"';
    }

    private final class Listener implements Runnable {

        private final Runnable onSignal;
        private volatile boolean running = true;
        private boolean lost;
        private Duration retry = FIRST_RETRY;

        Listener(Runnable onSignal) {
            this.onSignal = onSignal;
        }

        @Override
        public void run() {
            while (running) {
                try {
                    listenUntilStoppedOrLost();
                } catch (SQLException | RuntimeException e) {
                    if (!lost && running) {
                        lost = true;
                        LOG.log(Level.WARNING, "Lost the signals of the other servers ({0}); changes they accept are"
                                + " carried out at the next resync until the database answers again", e.getMessage());
                    }
                    pause();
                }
            }
        }

        private void listenUntilStoppedOrLost() throws SQLException {
            try (Connection connection = dataSource.getConnection()) {
                try (Statement listen = connection.createStatement()) {
                    listen.execute("LISTEN " + quotedChannel());
                }
                if (lost) {
                    lost = false;
                    LOG.log(Level.INFO, "Receiving the signals of the other servers again");
                    onSignal.run();
                }
                retry = FIRST_RETRY;
                try {
                    PGConnection notifications = connection.unwrap(PGConnection.class);
                    while (running) {
                        PGNotification[] received = notifications.getNotifications(WAIT_MILLIS);
                        if (fromAnotherServer(received)) {
                            onSignal.run();
                        }
                    }
                } finally {
                    unlisten(connection);
                }
            }
        }

        private boolean fromAnotherServer(PGNotification[] received) {
            if (received == null) {
                return false;
            }
            for (PGNotification notification : received) {
                if (!sender.equals(notification.getParameter())) {
                    return true;
                }
            }
            return false;
        }

        /** The connection goes back to the pool: it must not keep collecting notifications there. */
        private void unlisten(Connection connection) {
            try (Statement unlisten = connection.createStatement()) {
                unlisten.execute("UNLISTEN *");
            } catch (SQLException e) {
                // the session is gone, and its LISTEN with it
            }
        }

        private void pause() {
            try {
                Thread.sleep(retry);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                running = false;
            }
            retry = retry.multipliedBy(2).compareTo(LAST_RETRY) > 0 ? LAST_RETRY : retry.multipliedBy(2);
        }
    }
}

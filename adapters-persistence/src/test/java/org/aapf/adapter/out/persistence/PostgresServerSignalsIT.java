package org.aapf.adapter.out.persistence;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import org.aapf.application.port.out.ServerSignals;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Two servers' worth of signals on one PostgreSQL schema (each with its own pool), and a third on another schema. */
class PostgresServerSignalsIT {

    private TestDatabase shared;
    private Database secondServer;
    private TestDatabase otherInstallation;

    @BeforeEach
    void open() {
        shared = TestDatabases.postgres();
        secondServer = Database.open(shared.settings());
        otherInstallation = TestDatabases.postgres();
    }

    @AfterEach
    void close() {
        secondServer.close();
        shared.close();
        otherInstallation.close();
    }

    @Test
    void anAnnouncement_reachesTheOtherServerOfTheSchema_notItselfNorAnotherSchema() throws Exception {
        ServerSignals first = PostgresServerSignals.of(shared.database());
        ServerSignals second = PostgresServerSignals.of(secondServer);
        ServerSignals other = PostgresServerSignals.of(otherInstallation.database());
        Semaphore firstHeard = new Semaphore(0);
        Semaphore secondHeard = new Semaphore(0);
        Semaphore otherHeard = new Semaphore(0);
        try (ServerSignals.Listening a = first.listen(firstHeard::release);
                ServerSignals.Listening b = second.listen(secondHeard::release);
                ServerSignals.Listening c = other.listen(otherHeard::release)) {
            awaitListening(shared, 2);

            first.announce();

            assertTrue(secondHeard.tryAcquire(5, TimeUnit.SECONDS), "the other server heard it");
            Thread.sleep(700);
            assertEquals(0, firstHeard.availablePermits(), "not delivered back to its sender");
            assertEquals(0, otherHeard.availablePermits(), "not heard by another installation's schema");
        }
    }

    @Test
    void aListenerWhoseConnectionDies_reconnects_signalsOnce_andHearsAgain() throws Exception {
        ServerSignals first = PostgresServerSignals.of(shared.database());
        ServerSignals second = PostgresServerSignals.of(secondServer);
        Semaphore heard = new Semaphore(0);
        try (ServerSignals.Listening listening = second.listen(heard::release)) {
            awaitListening(shared, 1);

            shared.jdbi().useHandle(handle -> handle.createQuery("SELECT pg_terminate_backend(pid) FROM"
                    + " pg_stat_activity WHERE query = :listen").bind("listen", listenStatement(shared))
                    .mapTo(Boolean.class).list());

            assertTrue(heard.tryAcquire(10, TimeUnit.SECONDS), "one signal once it listens again");
            awaitListening(shared, 1);
            first.announce();
            assertTrue(heard.tryAcquire(5, TimeUnit.SECONDS), "hears announcements again");
        }
    }

    @Test
    void closedListener_givesItsConnectionBackWithoutItsListen() throws Exception {
        ServerSignals second = PostgresServerSignals.of(secondServer);
        try (ServerSignals.Listening listening = second.listen(() -> { })) {
            awaitListening(shared, 1);
        }
        Thread.sleep(200);
        assertEquals(0, listeners(shared));
    }

    @Test
    void h2_hasNoOtherServerToTell() {
        try (TestDatabase h2 = TestDatabases.h2()) {
            assertSame(ServerSignals.none().getClass(), PostgresServerSignals.of(h2.database()).getClass());
        }
        assertInstanceOf(PostgresServerSignals.class, PostgresServerSignals.of(shared.database()));
    }

    private static String listenStatement(TestDatabase database) {
        return "LISTEN \"aapf:" + TestDatabases.postgresSchema(database) + "\"";
    }

    private static int listeners(TestDatabase database) {
        return database.jdbi().withHandle(handle -> handle.createQuery(
                "SELECT count(*) FROM pg_stat_activity WHERE query = :listen AND state = 'idle'")
                .bind("listen", listenStatement(database)).mapTo(Integer.class).one());
    }

    private static void awaitListening(TestDatabase database, int count) throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
        while (listeners(database) < count) {
            assertTrue(System.nanoTime() < deadline, "listeners did not start within 10 s");
            Thread.sleep(20);
        }
    }
}

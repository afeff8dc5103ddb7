package org.aapf.embedded;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.zaxxer.hikari.HikariDataSource;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.UUID;
import org.aapf.application.port.in.ClusterView;
import org.aapf.application.port.in.CreateClusterUseCase.CreateClusterCommand;
import org.aapf.application.port.in.CreateClusterUseCase.ServiceRequest;
import org.aapf.application.port.in.LoginUseCase.LoginCommand;
import org.aapf.application.testing.FakeClusterBackend;
import org.aapf.application.testing.TestCatalogues;
import org.aapf.domain.cluster.ClusterStatus;
import org.aapf.domain.error.AapfException;
import org.aapf.domain.error.ErrorReason;
import org.aapf.domain.user.UserId;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The embedded AAPF on a real H2 database: lifecycle, ownership of the pool, and trusted users owning clusters. */
class AapfIT {

    private final FakeClusterBackend backend = new FakeClusterBackend(Clock.systemUTC());
    private final HikariDataSource hostPool = hostPool();

    @AfterEach
    void closeHostPool() {
        hostPool.close();
    }

    @Test
    void givenHostDataSource_startMigratesIt_andCloseLeavesItOpen() throws Exception {
        try (Aapf aapf = Aapf.builder().dataSource(hostPool).backend(backend).build().start()) {
            assertEquals(0, aapf.users().list().listUsers().size());
        }

        assertFalse(hostPool.isClosed());
        try (var connection = hostPool.getConnection(); var rows = connection.createStatement()
                .executeQuery("SELECT COUNT(*) FROM clusters")) {
            assertTrue(rows.next(), "the migrated tables stay in the host's database");
        }
    }

    @Test
    void givenJdbcUrl_closeClosesThePoolAapfOpened() {
        Aapf aapf = Aapf.builder().jdbcUrl(url(), "sa", "").backend(backend).build().start();
        HikariDataSource pool = (HikariDataSource) aapf.component().database().dataSource();

        aapf.close();

        assertTrue(pool.isClosed());
        assertThrows(IllegalStateException.class, aapf::users);
    }

    @Test
    void trustedUser_ownsClustersThatTheReconcilerRuns_butCannotLogIn() throws Exception {
        try (Aapf aapf = Aapf.builder().dataSource(hostPool).backend(backend).catalogue(TestCatalogues.standard())
                .build().start()) {
            UserId alice = aapf.ensureUser("portal-alice");
            assertEquals(alice, aapf.ensureUser("portal-alice"), "the same name is the same user");

            aapf.clusters().create().create(new CreateClusterCommand(alice, "lab",
                    Optional.of(ServiceRequest.of(TestCatalogues.NOTEBOOK, TestCatalogues.SMALL)), Optional.empty(),
                    Optional.empty()));

            assertEquals(ClusterStatus.CREATED, awaitCreated(aapf, alice, "lab").status());
            AapfException refused = assertThrows(AapfException.class, () -> aapf.accounts().login()
                    .login(new LoginCommand("portal-alice", "any-password", "127.0.0.1")));
            assertEquals(ErrorReason.UNAUTHENTICATED, refused.reason());
        }
    }

    @Test
    void useCasesWorkBeforeStart_andTheJwtSecretGivenSignsTokens() {
        try (Aapf aapf = Aapf.builder().dataSource(hostPool).backend(backend)
                .jwtSecret("an-embedder-secret-of-at-least-32-bytes").build()) {
            aapf.users().add().addUser(new org.aapf.application.port.in.AddUserUseCase.AddUserCommand("bob",
                    "bob-password"));
            String access = aapf.accounts().login().login(new LoginCommand("bob", "bob-password", "127.0.0.1"))
                    .accessToken();

            assertEquals("bob", aapf.accounts().authenticate().authenticate(access).username().value());
        }
    }

    private static ClusterView awaitCreated(Aapf aapf, UserId owner, String name) throws InterruptedException {
        Instant deadline = Instant.now().plus(Duration.ofSeconds(30));
        ClusterView cluster = aapf.clusters().get().get(owner, name);
        while (cluster.status() != ClusterStatus.CREATED && Instant.now().isBefore(deadline)) {
            Thread.sleep(100);
            cluster = aapf.clusters().get().get(owner, name);
        }
        return cluster;
    }

    private static HikariDataSource hostPool() {
        HikariDataSource pool = new HikariDataSource();
        pool.setJdbcUrl(url());
        pool.setUsername("sa");
        pool.setMaximumPoolSize(4);
        return pool;
    }

    private static String url() {
        return "jdbc:h2:mem:aapf-" + UUID.randomUUID();
    }
}

package org.aapf.adapter.out.persistence;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import org.aapf.application.port.in.CreateClusterUseCase.CreateClusterCommand;
import org.aapf.application.port.in.CreateClusterUseCase.ServiceRequest;
import org.aapf.application.port.out.CatalogueSource;
import org.aapf.application.port.out.ClusterDirectory.OwnedCluster;
import org.aapf.application.port.out.ClusterDirectory.PageKey;
import org.aapf.application.port.out.OwnerLock;
import org.aapf.application.port.out.WarmInstanceRepository;
import org.aapf.application.port.out.WarmPoolMetrics;
import org.aapf.application.service.catalogue.CatalogueVisibility;
import org.aapf.application.service.cluster.ClusterLimits;
import org.aapf.application.service.cluster.CreateClusterService;
import org.aapf.application.service.quota.DefaultLimits;
import org.aapf.application.service.quota.UserQuota;
import org.aapf.application.testing.TestCatalogues;
import org.aapf.application.testing.TestQuotas;
import org.aapf.domain.cluster.ClusterStatus;
import org.aapf.domain.error.AapfException;
import org.aapf.domain.error.ErrorReason;
import org.aapf.domain.quota.LimitKind;
import org.aapf.domain.quota.Limits;
import org.aapf.domain.user.User;
import org.aapf.domain.user.UserId;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Contract of the limit overrides, the owner lock and the admin's cluster directory, run against every database by
 * the concrete subclasses. The races run on two connection pools, as two servers sharing the database would.
 */
abstract class AbstractUserQuotaPersistenceTest extends DatabaseFixture {

    private static final int RACERS = 6;

    private final CatalogueSource catalogue = TestCatalogues::standard;
    private JdbiUserRepository users;
    private JdbiUserLimitsRepository overrides;
    private JdbiClusterRepository clusters;
    private JdbiClusterDirectory directory;

    @BeforeEach
    void createRepositories() {
        users = new JdbiUserRepository(jdbi());
        overrides = new JdbiUserLimitsRepository(jdbi());
        clusters = new JdbiClusterRepository(jdbi());
        directory = new JdbiClusterDirectory(jdbi());
    }

    @Test
    void overridesAreStoredReplacedAndRemoved() {
        UserId alice = addUser("alice");
        UserId bob = addUser("bob");
        Limits some = Limits.of(Map.of(LimitKind.CLUSTERS, 5L, LimitKind.CPU, 3500L));

        overrides.save(alice, some);
        overrides.save(bob, Limits.of(Map.of(LimitKind.GPUS, 0L)));
        assertEquals(some, overrides.overridesOf(alice));
        overrides.save(alice, Limits.of(Map.of(LimitKind.MEMORY, 2048L)));
        assertEquals(Limits.of(Map.of(LimitKind.MEMORY, 2048L)), overrides.overridesOf(alice));
        overrides.save(bob, Limits.NONE);
        assertEquals(Map.of(alice, Limits.of(Map.of(LimitKind.MEMORY, 2048L))), overrides.allOverrides());
        assertEquals(Limits.NONE, overrides.overridesOf(bob));
    }

    @Test
    void overridesOfAnUnknownUser_areNotFound() {
        AapfException e = assertThrows(AapfException.class,
                () -> overrides.save(UserId.random(), Limits.of(Map.of(LimitKind.CLUSTERS, 1L))));
        assertEquals(ErrorReason.NOT_FOUND, e.reason());
    }

    @Test
    void racingCreatesOnTwoServers_onlyOnePassesMaxClusters() throws InterruptedException {
        UserId alice = addUser("alice");
        overrides.save(alice, Limits.of(Map.of(LimitKind.CLUSTERS, 1L)));
        try (Database second = Database.open(testDatabase().settings())) {
            List<CreateClusterService> servers = List.of(server(jdbi()), server(second.jdbi()));

            List<Races.Outcome<Boolean>> outcomes = Races.run(RACERS, racer -> {
                servers.get(racer % 2).create(new CreateClusterCommand(alice, "racer-" + racer,
                        Optional.of(ServiceRequest.of(TestCatalogues.NOTEBOOK, TestCatalogues.SMALL)),
                        Optional.empty(), Optional.empty()));
                return true;
            });

            assertEquals(1, outcomes.stream().filter(outcome -> outcome.error() == null).count());
            for (Races.Outcome<Boolean> outcome : outcomes) {
                if (outcome.error() != null) {
                    AapfException refused = assertInstanceOf(AapfException.class, outcome.error());
                    assertEquals(ErrorReason.FORBIDDEN, refused.reason(), refused.getMessage());
                }
            }
            assertEquals(1, clusters.listByOwner(alice).size());
        }
    }

    @Test
    void racingCreatesWithinTheCpuLimit_allPass() throws InterruptedException {
        UserId alice = addUser("alice");
        overrides.save(alice, Limits.of(Map.of(LimitKind.CPU, 500L * RACERS)));
        CreateClusterService server = server(jdbi());

        List<Races.Outcome<Boolean>> outcomes = Races.run(RACERS, racer -> {
            server.create(new CreateClusterCommand(alice, "racer-" + racer,
                    Optional.of(ServiceRequest.of(TestCatalogues.NOTEBOOK, TestCatalogues.SMALL)),
                    Optional.empty(), Optional.empty()));
            return true;
        });

        assertEquals(List.of(), outcomes.stream().map(Races.Outcome::error).filter(e -> e != null).toList());
        assertEquals(RACERS, clusters.listByOwner(alice).size());
    }

    @Test
    void directoryPagesByOwnerThenName_withFilters() {
        UserId bob = addUser("bob");
        UserId alice = addUser("alice");
        for (String name : List.of("c", "a", "b")) {
            clusters.add(Clusters.notebook(bob, name));
            clusters.add(Clusters.notebook(alice, name));
        }
        List<String> seen = new ArrayList<>();
        Optional<PageKey> after = Optional.empty();
        for (int page = 0; page < 4; page++) {
            List<OwnedCluster> found = directory.page(Optional.empty(), Optional.empty(), after, 4);
            found.forEach(owned -> seen.add(owned.owner() + "/" + owned.cluster().name()));
            if (found.isEmpty()) {
                break;
            }
            OwnedCluster last = found.getLast();
            after = Optional.of(new PageKey(last.owner(), last.cluster().name().value()));
        }

        assertEquals(List.of("alice/a", "alice/b", "alice/c", "bob/a", "bob/b", "bob/c"), seen);
        assertEquals(List.of("b", "c"), directory.page(Optional.of("bob"), Optional.of(ClusterStatus.CREATING),
                Optional.of(new PageKey("bob", "a")), 10).stream()
                .map(owned -> owned.cluster().name().value()).toList());
        assertEquals(List.of(), directory.page(Optional.empty(), Optional.of(ClusterStatus.STOPPED),
                Optional.empty(), 10));
    }

    @Test
    void moreUsersLockingAtOnceThanThePoolHasConnections_allFinish() throws Exception {
        DatabaseSettings shared = testDatabase().settings();
        try (Database small = Database.open(new DatabaseSettings(shared.jdbcUrl(), shared.user(), shared.password(),
                4))) {
            OwnerLock lock = new JdbiOwnerLock(small);
            List<UserId> owners = new ArrayList<>();
            for (int i = 0; i < 12; i++) {
                owners.add(addUser("crowd" + i));
            }
            ExecutorService threads = Executors.newFixedThreadPool(owners.size());
            try {
                List<Future<Integer>> done = new ArrayList<>();
                for (UserId owner : owners) {
                    done.add(threads.submit(() -> lock.whileLocked(owner, () -> {
                        sleep(50);
                        return small.jdbi().withHandle(handle -> handle.createQuery("SELECT COUNT(*) FROM users")
                                .mapTo(Integer.class).one());
                    })));
                }
                for (Future<Integer> one : done) {
                    assertTrue(one.get(30, TimeUnit.SECONDS) >= owners.size(), "each write found a connection");
                }
            } finally {
                threads.shutdownNow();
            }
        }
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    @Test
    void lockOfAnUnknownOwner_isNotFoundAndRunsNothing() {
        List<String> ran = new ArrayList<>();
        AapfException e = assertThrows(AapfException.class,
                () -> new JdbiOwnerLock(jdbi(), 5).whileLocked(UserId.random(), () -> ran.add("work")));
        assertEquals(ErrorReason.NOT_FOUND, e.reason());
        assertEquals(List.of(), ran);
    }

    private CreateClusterService server(org.jdbi.v3.core.Jdbi jdbi) {
        JdbiClusterRepository repository = new JdbiClusterRepository(jdbi);
        UserQuota quota = new UserQuota(DefaultLimits.none(), new JdbiUserLimitsRepository(jdbi), repository,
                catalogue, new JdbiOwnerLock(jdbi, 5));
        return new CreateClusterService(repository, new JdbiClusterEventRepository(jdbi), catalogue,
                CatalogueVisibility.everything(), ClusterLimits.defaults(), quota,
                TestQuotas.anyType(Clock.systemUTC()), () -> { }, Clock.systemUTC(), WarmInstanceRepository.none(),
                WarmPoolMetrics.none());
    }

    private UserId addUser(String name) {
        User user = Accounts.user(name);
        users.add(user);
        return user.id();
    }
}

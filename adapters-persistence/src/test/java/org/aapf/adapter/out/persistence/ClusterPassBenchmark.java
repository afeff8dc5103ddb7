package org.aapf.adapter.out.persistence;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.Supplier;
import java.util.stream.Stream;
import org.aapf.application.service.reconcile.PassReport;
import org.aapf.application.service.reconcile.Reconciler;
import org.aapf.application.service.reconcile.ReconcilerSettings;
import org.aapf.application.testing.FakeClusterBackend;
import org.aapf.application.testing.TestCatalogues;
import org.aapf.domain.cluster.AACluster;
import org.aapf.domain.cluster.ClusterId;
import org.aapf.domain.cluster.ClusterName;
import org.aapf.domain.cluster.ServiceKind;
import org.aapf.domain.cluster.ServiceSpec;
import org.aapf.domain.user.User;
import org.jdbi.v3.core.Jdbi;
import org.aapf.application.port.out.SparkMasterMonitor;
import org.aapf.application.port.out.Metrics;

/**
 * Benchmark, not a test (run by {@code bench/cluster-pass.sh}): 10,000 clusters (1,000 owners with 10 notebook
 * clusters each) in an H2 file database (as {@code aapf serve} uses it) and in PostgreSQL; times
 * {@code listAll()} and one steady {@link Reconciler#reconcileOnce()} against the fake backend. Prints one line per
 * figure. Arguments: {@code h2}, {@code postgres} (default both).
 */
public final class ClusterPassBenchmark {

    private static final int OWNERS = 1_000;
    private static final int CLUSTERS_PER_OWNER = 10;
    private static final int ROUNDS = 7;

    private ClusterPassBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        List<String> targets = args.length == 0 ? List.of("h2", "postgres") : Arrays.asList(args);
        for (String target : targets) {
            switch (target) {
                case "h2" -> runOnH2File();
                case "postgres" -> {
                    try (TestDatabase database = TestDatabases.postgres()) {
                        run("PostgreSQL " + TestDatabases.POSTGRES_URL, database.jdbi());
                    }
                }
                default -> throw new IllegalArgumentException("unknown target '" + target + "' (h2, postgres)");
            }
        }
    }

    private static void runOnH2File() throws Exception {
        Path dir = Files.createTempDirectory("aapf-bench-h2");
        try (Database database = Database.open(DatabaseSettings.h2File(dir))) {
            run("H2 file (AUTO_SERVER)", database.jdbi());
        } finally {
            try (Stream<Path> files = Files.walk(dir)) {
                files.sorted(Comparator.reverseOrder()).forEach(ClusterPassBenchmark::delete);
            }
        }
    }

    private static void run(String label, Jdbi jdbi) throws Exception {
        long seedStart = System.nanoTime();
        seed(jdbi);
        Duration seeding = Duration.ofNanos(System.nanoTime() - seedStart);
        JdbiClusterRepository clusters = new JdbiClusterRepository(jdbi);
        FakeClusterBackend backend = new FakeClusterBackend(Clock.systemUTC());
        Reconciler reconciler = new Reconciler(clusters, new JdbiClusterEventRepository(jdbi), backend,
                TestCatalogues::standard, new JdbiReconcilerLease(jdbi), Clock.systemUTC(),
                ReconcilerSettings.defaults().withHolderId("benchmark"), SparkMasterMonitor.none(), Metrics.none());
        Duration applyPass = time(reconciler::reconcileOnce);
        Duration recordPass = time(reconciler::reconcileOnce);
        List<Duration> listAll = repeat(clusters::listAll);
        List<Duration> steady = repeat(reconciler::reconcileOnce);
        PassReport report = reconciler.reconcileOnce();

        System.out.printf(Locale.ROOT, "## %s: %d clusters (%d owners x %d), %d instances on the fake backend%n",
                label, report.clusters(), OWNERS, CLUSTERS_PER_OWNER, backend.instances().size());
        System.out.printf(Locale.ROOT, "seeding via JdbiClusterRepository.add (4 threads): %d ms%n",
                seeding.toMillis());
        System.out.printf(Locale.ROOT, "first pass (applies every instance): %d ms; second pass (records 10,000"
                + " instances ready, saves every cluster and its events): %d ms%n", applyPass.toMillis(),
                recordPass.toMillis());
        System.out.printf(Locale.ROOT, "listAll(): best %d ms, median %d ms (%d runs)%n", best(listAll),
                median(listAll), ROUNDS);
        System.out.printf(Locale.ROOT, "steady reconcileOnce(): best %d ms, median %d ms (%d runs; saved %d)%n",
                best(steady), median(steady), ROUNDS, report.saved());
    }

    /** Adds the owners and their clusters, in parallel as concurrent API requests would. */
    private static void seed(Jdbi jdbi) throws Exception {
        JdbiUserRepository users = new JdbiUserRepository(jdbi);
        JdbiClusterRepository clusters = new JdbiClusterRepository(jdbi);
        ExecutorService pool = Executors.newFixedThreadPool(4);
        try {
            List<Future<?>> done = new ArrayList<>();
            for (int owner = 0; owner < OWNERS; owner++) {
                int number = owner;
                done.add(pool.submit(() -> {
                    User user = Accounts.user("owner-" + number);
                    users.add(user);
                    for (int c = 0; c < CLUSTERS_PER_OWNER; c++) {
                        clusters.add(AACluster.create(ClusterId.random(), user.id(), new ClusterName("cluster-" + c),
                                Map.of(ServiceKind.JUPYTER_NOTEBOOK,
                                        new ServiceSpec(TestCatalogues.NOTEBOOK, TestCatalogues.SMALL, 1)),
                                Clusters.T0));
                    }
                }));
            }
            for (Future<?> future : done) {
                future.get();
            }
        } finally {
            pool.shutdown();
        }
    }

    private static List<Duration> repeat(Supplier<?> action) {
        List<Duration> times = new ArrayList<>();
        for (int round = 0; round < ROUNDS; round++) {
            times.add(time(action));
        }
        return times;
    }

    private static Duration time(Supplier<?> action) {
        long start = System.nanoTime();
        action.get();
        return Duration.ofNanos(System.nanoTime() - start);
    }

    private static long best(List<Duration> times) {
        return times.stream().min(Comparator.naturalOrder()).orElseThrow().toMillis();
    }

    private static long median(List<Duration> times) {
        return times.stream().sorted().toList().get(times.size() / 2).toMillis();
    }

    private static void delete(Path path) {
        try {
            Files.delete(path);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}

package org.aapf.adapter.out.persistence;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.aapf.application.port.out.ClusterDirectory.OwnedCluster;
import org.aapf.application.port.out.ClusterDirectory.PageKey;
import org.aapf.application.testing.TestCatalogues;
import org.aapf.domain.cluster.AACluster;
import org.aapf.domain.cluster.ClusterId;
import org.aapf.domain.cluster.ClusterName;
import org.aapf.domain.cluster.ServiceKind;
import org.aapf.domain.cluster.ServiceSpec;
import org.aapf.domain.user.User;
import org.jdbi.v3.core.Jdbi;

/**
 * Benchmark, not a test (run by {@code bench/admin-pages.sh}): 10,000 clusters (1,000 owners with 10 each) in H2 and
 * PostgreSQL; walks the admin's cluster directory page by page (100 and 500 a page) and times the first page and a
 * page near the end. Fails loudly when the walk misses a cluster, repeats one or leaves the order.
 */
public final class AdminPagesBenchmark {

    private static final int OWNERS = 1_000;
    private static final int CLUSTERS_PER_OWNER = 10;

    private AdminPagesBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        List<String> targets = args.length == 0 ? List.of("h2", "postgres") : Arrays.asList(args);
        for (String target : targets) {
            try (TestDatabase database = "h2".equals(target) ? TestDatabases.h2() : TestDatabases.postgres()) {
                run("h2".equals(target) ? "H2 in-memory" : "PostgreSQL " + TestDatabases.POSTGRES_URL,
                        database.jdbi());
            }
        }
    }

    private static void run(String label, Jdbi jdbi) throws Exception {
        long start = System.nanoTime();
        seed(jdbi);
        System.out.printf(Locale.ROOT, "%s: seeded %d clusters in %d ms%n", label, OWNERS * CLUSTERS_PER_OWNER,
                Duration.ofNanos(System.nanoTime() - start).toMillis());
        JdbiClusterDirectory directory = new JdbiClusterDirectory(jdbi);
        for (int limit : new int[] {100, 500}) {
            walk(label, directory, limit);
            walk(label, directory, limit);
        }
    }

    private static void walk(String label, JdbiClusterDirectory directory, int limit) {
        List<String> seen = new ArrayList<>(OWNERS * CLUSTERS_PER_OWNER);
        List<Long> micros = new ArrayList<>();
        Optional<PageKey> after = Optional.empty();
        long walkStart = System.nanoTime();
        while (true) {
            long pageStart = System.nanoTime();
            List<OwnedCluster> page = directory.page(Optional.empty(), Optional.empty(), after, limit);
            micros.add((System.nanoTime() - pageStart) / 1_000);
            if (page.isEmpty()) {
                break;
            }
            page.forEach(owned -> seen.add(owned.owner() + "/" + owned.cluster().name().value()));
            OwnedCluster last = page.getLast();
            after = Optional.of(new PageKey(last.owner(), last.cluster().name().value()));
        }
        long walkMillis = (System.nanoTime() - walkStart) / 1_000_000;
        if (seen.size() != OWNERS * CLUSTERS_PER_OWNER || seen.stream().distinct().count() != seen.size()) {
            throw new AssertionError("walk saw " + seen.size() + " clusters, " + seen.stream().distinct().count()
                    + " distinct");
        }
        System.out.printf(Locale.ROOT, "%s: %d a page: %d pages, whole walk %d ms; first page %.1f ms, page %d of"
                        + " %d %.1f ms%n", label, limit, micros.size() - 1, walkMillis, micros.getFirst() / 1000.0,
                micros.size() - 1, micros.size() - 1, micros.get(micros.size() - 2) / 1000.0);
    }

    private static void seed(Jdbi jdbi) throws Exception {
        JdbiUserRepository users = new JdbiUserRepository(jdbi);
        JdbiClusterRepository clusters = new JdbiClusterRepository(jdbi);
        ExecutorService pool = Executors.newFixedThreadPool(4);
        try {
            List<Future<?>> done = new ArrayList<>();
            for (int owner = 0; owner < OWNERS; owner++) {
                int number = owner;
                done.add(pool.submit(() -> {
                    User user = Accounts.user(String.format(Locale.ROOT, "owner-%04d", number));
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
}

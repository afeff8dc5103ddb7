package org.aapf.bootstrap.bench;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.IntFunction;
import org.aapf.application.port.in.CreateClusterUseCase.CreateClusterCommand;
import org.aapf.application.port.in.CreateClusterUseCase.ServiceRequest;
import org.aapf.application.service.reconcile.PassReport;
import org.aapf.application.testing.FakeClusterBackend;
import org.aapf.bootstrap.AapfServer;
import org.aapf.bootstrap.config.AapfConfig;
import org.aapf.bootstrap.config.ConfigLoader;
import org.aapf.domain.user.Password;
import org.aapf.domain.user.PasswordHash;
import org.aapf.domain.user.User;
import org.aapf.domain.user.Username;

/**
 * The AAClusters scale benchmark (issue 3): 1,000 users with 10 clusters each on the in-memory fake backend, served
 * over HTTP on loopback from an H2 file database (or PostgreSQL: pass a JDBC URL). Not a test: run it with
 * {@code bench/cluster-scale.sh}; it prints and writes its figures to {@code bench/results/cluster-scale.txt}.
 */
public final class ClusterScaleBenchmark {

    private static final int USERS = 1_000;
    private static final int CLUSTERS_PER_USER = 10;
    private static final int CLIENTS = 32;
    private static final Duration LOAD_TIME = Duration.ofSeconds(20);
    private static final String PASSWORD = "benchpass123";

    private final List<String> lines = new ArrayList<>();

    public static void main(String[] args) throws Exception {
        Path results = Path.of(args.length > 0 ? args[0] : "bench/results/cluster-scale.txt");
        Optional<String> jdbcUrl = args.length > 1 ? Optional.of(args[1]) : Optional.empty();
        new ClusterScaleBenchmark().run(results, jdbcUrl);
        System.exit(0);
    }

    private void run(Path results, Optional<String> jdbcUrl) throws Exception {
        Path data = Files.createTempDirectory("aapf-scale");
        Map<String, String> env = new java.util.HashMap<>(Map.of("AAPF_DATA_DIR", data.toString(), "AAPF_PORT", "0",
                "AAPF_HOST", "127.0.0.1", "AAPF_SERVER_ID", "bench"));
        jdbcUrl.ifPresent(url -> env.put("AAPF_DB_URL", url));
        AapfConfig config = new ConfigLoader().load(Optional.empty(), env);
        FakeClusterBackend backend = new FakeClusterBackend(Clock.systemUTC());
        record("# ClusterScaleBenchmark on %d cores, %s, database %s", Runtime.getRuntime().availableProcessors(),
                System.getProperty("java.version"), jdbcUrl.orElse("H2 file"));

        try (AapfServer server = AapfServer.start(config, backend)) {
            server.component().reconciler().close();
            seed(server);
            reconcilePasses(server);
            httpLoad(server.port());
        }
        long t0 = System.nanoTime();
        try (AapfServer server = AapfServer.start(config, backend)) {
            record("server start with %d clusters: %.0f ms", USERS * CLUSTERS_PER_USER, (System.nanoTime() - t0) / 1e6);
            System.gc();
            System.gc();
            long heap = ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed();
            record("heap used after full GC (server running, data loaded): %.1f MiB", heap / 1024.0 / 1024.0);
        }
        Files.createDirectories(results.toAbsolutePath().getParent());
        Files.write(results, lines);
        deleteQuietly(data);
    }

    private void seed(AapfServer server) {
        long t0 = System.nanoTime();
        PasswordHash hash = server.component().passwordHasher().hash(new Password(PASSWORD));
        var users = server.component().userRepository();
        var create = server.component().createCluster();
        for (int u = 0; u < USERS; u++) {
            User user = User.register(new Username(userName(u)), hash, java.time.Instant.now());
            users.add(user);
            for (int c = 0; c < CLUSTERS_PER_USER; c++) {
                create.create(new CreateClusterCommand(user.id(), "cluster-" + c,
                        Optional.of(ServiceRequest.of("aa_jupyter_notebook", "small")), Optional.empty(),
                        Optional.empty()));
            }
        }
        record("seeded %d users and %d clusters in %.1f s", USERS, USERS * CLUSTERS_PER_USER,
                (System.nanoTime() - t0) / 1e9);
    }

    private void reconcilePasses(AapfServer server) {
        var reconciler = server.component().reconciler();
        // The pass runs on this thread, the embedded database's work included: its CPU time is what the pass costs
        // whatever else the machine is doing, where wall time on a shared machine is mostly waiting for a core.
        ThreadMXBean threads = ManagementFactory.getThreadMXBean();
        for (int pass = 1; pass <= 4; pass++) {
            long t0 = System.nanoTime();
            long cpu0 = threads.getCurrentThreadCpuTime();
            PassReport report = reconciler.reconcileOnce();
            double ms = (System.nanoTime() - t0) / 1e6;
            double cpuMs = (threads.getCurrentThreadCpuTime() - cpu0) / 1e6;
            record("reconcile pass %d: %.0f ms, %.0f ms CPU on its thread (%s)", pass, ms, cpuMs, report);
            if (report.saved() >= USERS * CLUSTERS_PER_USER) {
                record("the pass that saved %d changed clusters: %.0f ms, %.0f ms CPU (goal < 2000 ms)",
                        report.saved(), ms, cpuMs);
            }
        }
        long t0 = System.nanoTime();
        PassReport steady = reconciler.reconcileOnce();
        record("full reconcile pass over %d clusters (steady state): %.0f ms (%s)", USERS * CLUSTERS_PER_USER,
                (System.nanoTime() - t0) / 1e6, steady);
    }

    private void httpLoad(int port) throws Exception {
        HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
        List<String> tokens = new ArrayList<>();
        for (int client = 0; client < CLIENTS; client++) {
            tokens.add(login(http, port, userName(client * (USERS / CLIENTS))));
        }
        measure("GET /api/v1/aaclusters", http, client -> URI.create(
                "http://127.0.0.1:" + port + "/api/v1/aaclusters"), tokens);
        measure("GET /api/v1/aaclusters/{name}", http, client -> URI.create(
                "http://127.0.0.1:" + port + "/api/v1/aaclusters/cluster-" + (client % CLUSTERS_PER_USER)), tokens);
    }

    private void measure(String label, HttpClient http, IntFunction<URI> target, List<String> tokens)
            throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(CLIENTS);
        long deadline = System.nanoTime() + LOAD_TIME.toNanos();
        long start = System.nanoTime();
        List<Future<List<Long>>> futures = new ArrayList<>();
        for (int client = 0; client < CLIENTS; client++) {
            int id = client;
            futures.add(pool.submit(() -> {
                List<Long> latencies = new ArrayList<>();
                HttpRequest request = HttpRequest.newBuilder(target.apply(id))
                        .header("Authorization", "Bearer " + tokens.get(id)).GET().build();
                while (System.nanoTime() < deadline && latencies.size() < 200_000) {
                    long t0 = System.nanoTime();
                    HttpResponse<Void> response = http.send(request, HttpResponse.BodyHandlers.discarding());
                    if (response.statusCode() != 200) {
                        throw new IllegalStateException(label + " answered " + response.statusCode());
                    }
                    latencies.add(System.nanoTime() - t0);
                }
                return latencies;
            }));
        }
        List<Long> all = new ArrayList<>();
        for (Future<List<Long>> future : futures) {
            all.addAll(future.get());
        }
        double seconds = (System.nanoTime() - start) / 1e9;
        pool.shutdown();
        Collections.sort(all);
        record("%s with %d clients: %.0f requests/s, p50 %.2f ms, p99 %.2f ms (%d requests)", label, CLIENTS,
                all.size() / seconds, percentile(all, 50), percentile(all, 99), all.size());
    }

    private static String login(HttpClient http, int port, String user) throws IOException, InterruptedException {
        HttpResponse<String> response = http.send(HttpRequest.newBuilder(URI.create(
                "http://127.0.0.1:" + port + "/api/v1/login")).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(
                        "{\"username\":\"" + user + "\",\"password\":\"" + PASSWORD + "\"}")).build(),
                HttpResponse.BodyHandlers.ofString());
        String body = response.body();
        int start = body.indexOf("\"accessToken\":\"") + 15;
        return body.substring(start, body.indexOf('"', start));
    }

    private static String userName(int index) {
        return String.format(Locale.ROOT, "user%04d", index);
    }

    private static double percentile(List<Long> sorted, int p) {
        return sorted.get(Math.max(0, (int) Math.ceil(p / 100.0 * sorted.size()) - 1)) / 1e6;
    }

    private void record(String format, Object... args) {
        String line = String.format(Locale.ROOT, format, args);
        lines.add(line);
        System.out.println(line);
    }

    private static void deleteQuietly(Path dir) throws IOException {
        try (var paths = Files.walk(dir)) {
            paths.sorted(Collections.reverseOrder()).forEach(path -> path.toFile().delete());
        }
    }
}

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/**
 * Login benchmark: N concurrent clients log in (client i as USER + i) for a bounded time and count; prints logins/s and
 * latency percentiles. Run by bench/login.sh (java LoginBench.java URL USER PASSWORD CLIENTS SECONDS).
 */
public final class LoginBench {

    public static void main(String[] args) throws Exception {
        URI login = URI.create(args[0] + "/api/v1/login");
        int clients = Integer.parseInt(args[3]);
        long seconds = Long.parseLong(args[4]);
        HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
        long deadline = System.nanoTime() + Duration.ofSeconds(seconds).toNanos();
        ExecutorService pool = Executors.newFixedThreadPool(clients);
        List<Future<List<Long>>> results = new ArrayList<>();
        long start = System.nanoTime();
        for (int c = 0; c < clients; c++) {
            // each client its own account: concurrent logins of one account are counted (and limited) as they arrive
            String body = "{\"username\":\"" + args[1] + (c + 1) + "\",\"password\":\"" + args[2] + "\"}";
            results.add(pool.submit(() -> {
                List<Long> latencies = new ArrayList<>();
                while (System.nanoTime() < deadline && latencies.size() < 100_000) {
                    long t0 = System.nanoTime();
                    HttpResponse<String> response = http.send(HttpRequest.newBuilder(login)
                            .header("Content-Type", "application/json")
                            .POST(HttpRequest.BodyPublishers.ofString(body)).build(),
                            HttpResponse.BodyHandlers.ofString());
                    if (response.statusCode() != 200) {
                        throw new IllegalStateException("login answered " + response.statusCode() + ": " + response.body());
                    }
                    latencies.add(System.nanoTime() - t0);
                }
                return latencies;
            }));
        }
        List<Long> all = new ArrayList<>();
        for (Future<List<Long>> result : results) {
            all.addAll(result.get());
        }
        double elapsed = (System.nanoTime() - start) / 1e9;
        pool.shutdown();
        Collections.sort(all);
        System.out.printf(Locale.ROOT, "clients=%d logins=%d seconds=%.1f logins_per_s=%.1f p50_ms=%.1f p99_ms=%.1f max_ms=%.1f%n",
                clients, all.size(), elapsed, all.size() / elapsed, pct(all, 50), pct(all, 99), all.get(all.size() - 1) / 1e6);
    }

    private static double pct(List<Long> sorted, int p) {
        int index = (int) Math.ceil(p / 100.0 * sorted.size()) - 1;
        return sorted.get(Math.max(0, index)) / 1e6;
    }
}

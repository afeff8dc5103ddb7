import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Login flood: paced readers call GET /api/v1/aaclusters (p50/p99 measured) first alone, then while ATTACKERS clients
 * post wrong passwords for random usernames from random addresses (X-Forwarded-For: the server must trust it, as
 * behind a proxy, so that neither the account nor the address throttle stops them and every attempt wants a hash).
 * Prints the readers' latencies in both phases and the flood's answers by status, with their latencies.
 * Run by bench/login.sh (java LoginFloodBench.java URL USER PASSWORD ATTACKERS SECONDS).
 */
public final class LoginFloodBench {

    private static final int READERS = 4;
    private static final Duration READER_PACE = Duration.ofMillis(20);
    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    public static void main(String[] args) throws Exception {
        String base = args[0];
        int attackers = Integer.parseInt(args[3]);
        long seconds = Long.parseLong(args[4]);
        String token = login(base, args[1], args[2]);

        List<Long> quiet = read(base, token, seconds, null);
        Map<Integer, List<Long>> flood = new ConcurrentHashMap<>();
        AtomicInteger withoutRetryAfter = new AtomicInteger();
        AtomicBoolean flooding = new AtomicBoolean(true);
        ExecutorService attackPool = Executors.newFixedThreadPool(attackers);
        List<Future<?>> attacks = new ArrayList<>();
        for (int a = 0; a < attackers; a++) {
            attacks.add(attackPool.submit(() -> attack(base, flooding, flood, withoutRetryAfter)));
        }
        Thread.sleep(1000); // let the flood fill the hashing queue
        List<Long> flooded = read(base, token, seconds, flooding);
        for (Future<?> attack : attacks) {
            attack.get();
        }
        attackPool.shutdown();

        System.out.printf(Locale.ROOT, "GET /aaclusters alone:        %s%n", summary(quiet));
        System.out.printf(Locale.ROOT, "GET /aaclusters during flood: %s%n", summary(flooded));
        for (Map.Entry<Integer, List<Long>> answers : new TreeMap<>(flood).entrySet()) {
            System.out.printf(Locale.ROOT, "flood (%d attackers) login %d: %s%n", attackers, answers.getKey(),
                    summary(answers.getValue()));
        }
        System.out.printf(Locale.ROOT, "flood 429/503 answers without Retry-After: %d%n", withoutRetryAfter.get());
    }

    private static List<Long> read(String base, String token, long seconds, AtomicBoolean stopAfter) throws Exception {
        long deadline = System.nanoTime() + Duration.ofSeconds(seconds).toNanos();
        ExecutorService pool = Executors.newFixedThreadPool(READERS);
        List<Future<List<Long>>> results = new ArrayList<>();
        for (int r = 0; r < READERS; r++) {
            results.add(pool.submit(() -> {
                List<Long> latencies = new ArrayList<>();
                HttpRequest get = HttpRequest.newBuilder(URI.create(base + "/api/v1/aaclusters"))
                        .header("Authorization", "Bearer " + token).timeout(Duration.ofSeconds(30)).GET().build();
                long next = System.nanoTime();
                while (System.nanoTime() < deadline) {
                    long t0 = System.nanoTime();
                    HttpResponse<String> response = HTTP.send(get, HttpResponse.BodyHandlers.ofString());
                    if (response.statusCode() != 200) {
                        throw new IllegalStateException("GET /aaclusters answered " + response.statusCode());
                    }
                    latencies.add(System.nanoTime() - t0);
                    next += READER_PACE.toNanos();
                    long wait = next - System.nanoTime();
                    if (wait > 0) {
                        Thread.sleep(wait / 1_000_000, (int) (wait % 1_000_000));
                    }
                }
                return latencies;
            }));
        }
        List<Long> all = new ArrayList<>();
        for (Future<List<Long>> result : results) {
            all.addAll(result.get());
        }
        pool.shutdown();
        if (stopAfter != null) {
            stopAfter.set(false);
        }
        return all;
    }

    private static Void attack(String base, AtomicBoolean flooding, Map<Integer, List<Long>> answers,
            AtomicInteger withoutRetryAfter) throws Exception {
        ThreadLocalRandom random = ThreadLocalRandom.current();
        while (flooding.get()) {
            String body = "{\"username\":\"guess" + random.nextInt(1_000_000) + "\",\"password\":\"wrong-"
                    + random.nextInt() + "\"}";
            String address = "10." + random.nextInt(256) + "." + random.nextInt(256) + "." + random.nextInt(1, 255);
            long t0 = System.nanoTime();
            HttpResponse<String> response = HTTP.send(HttpRequest.newBuilder(URI.create(base + "/api/v1/login"))
                    .header("Content-Type", "application/json").header("X-Forwarded-For", address)
                    .timeout(Duration.ofSeconds(60)).POST(HttpRequest.BodyPublishers.ofString(body)).build(),
                    HttpResponse.BodyHandlers.ofString());
            long took = System.nanoTime() - t0;
            answers.computeIfAbsent(response.statusCode(), key -> Collections.synchronizedList(new ArrayList<>()))
                    .add(took);
            boolean mustSayWhen = response.statusCode() == 429 || response.statusCode() == 503;
            if (mustSayWhen && response.headers().firstValue("Retry-After").isEmpty()) {
                withoutRetryAfter.incrementAndGet();
            }
        }
        return null;
    }

    private static String login(String base, String user, String password) throws Exception {
        HttpResponse<String> response = HTTP.send(HttpRequest.newBuilder(URI.create(base + "/api/v1/login"))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(
                        "{\"username\":\"" + user + "\",\"password\":\"" + password + "\"}")).build(),
                HttpResponse.BodyHandlers.ofString());
        String body = response.body();
        int start = body.indexOf("\"accessToken\":\"") + "\"accessToken\":\"".length();
        return body.substring(start, body.indexOf('"', start));
    }

    private static String summary(List<Long> latencies) {
        List<Long> sorted = new ArrayList<>(latencies);
        Collections.sort(sorted);
        if (sorted.isEmpty()) {
            return "none";
        }
        return String.format(Locale.ROOT, "n=%d p50_ms=%.1f p99_ms=%.1f max_ms=%.1f", sorted.size(),
                pct(sorted, 50), pct(sorted, 99), sorted.get(sorted.size() - 1) / 1e6);
    }

    private static double pct(List<Long> sorted, int p) {
        int index = (int) Math.ceil(p / 100.0 * sorted.size()) - 1;
        return sorted.get(Math.max(0, index)) / 1e6;
    }
}

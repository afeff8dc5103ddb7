import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.WebSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

import io.helidon.webserver.WebServer;
import io.helidon.webserver.http.HttpRouting;
import io.helidon.webserver.websocket.WsRouting;
import io.helidon.websocket.WsListener;
import io.helidon.websocket.WsSession;
import org.aapf.adapter.in.http.proxy.NotebookProxy;
import org.aapf.adapter.in.http.proxy.ProxySettings;
import org.aapf.application.port.in.ResolveNotebookRouteQuery;

/**
 * Loopback benchmark of the notebook proxy (run with bench/proxy.sh): requests/s and p50/p99 latency of a small
 * response and throughput of a 1 MiB response, (a) directly against a Helidon upstream, (b) through the AAPF proxy,
 * (c) through nginx when it is installed; then the proxy's live heap with 200 open proxied WebSockets.
 * Bounded: fixed request counts, and each phase stops after 30 s anyway.
 */
public final class ProxyBench {

    private static final int SMALL_REQUESTS = Integer.getInteger("bench.small", 20_000);
    private static final int BIG_REQUESTS = Integer.getInteger("bench.big", 300);
    private static final int CONCURRENCY = Integer.getInteger("bench.concurrency", 16);
    private static final int WEBSOCKETS = Integer.getInteger("bench.websockets", 200);
    private static final Duration PHASE_LIMIT = Duration.ofSeconds(30);
    private static final byte[] SMALL = "{\"status\":\"ok\",\"kernels\":1}".getBytes();
    private static final byte[] BIG = new byte[1024 * 1024];

    record Result(String target, double smallRps, double p50Ms, double p99Ms, double bigMiBps) {
    }

    public static void main(String[] args) throws Exception {
        Path output = Path.of(args.length > 0 ? args[0] : "bench/results/proxy.txt");
        WebServer upstream = upstream();
        String base = "/proxy/bench/jupyter";
        ResolveNotebookRouteQuery routes = id -> id.equals("bench")
                ? new ResolveNotebookRouteQuery.Ready("127.0.0.1", upstream.port())
                : new ResolveNotebookRouteQuery.Unknown();
        NotebookProxy proxy = new NotebookProxy(routes, new ProxySettings(
                Duration.ofSeconds(5), Duration.ofSeconds(60), Set.of()));
        WebServer aapf = proxyServer(proxy);
        Nginx nginx = Nginx.startIfInstalled(upstream.port());
        List<Result> results = new ArrayList<>();
        try (HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
                .executor(Executors.newVirtualThreadPerTaskExecutor()).build()) {
            results.add(measure(client, "direct", "http://127.0.0.1:" + upstream.port() + base));
            results.add(measure(client, "aapf-proxy", "http://127.0.0.1:" + aapf.port() + base));
            if (nginx != null) {
                results.add(measure(client, "nginx", "http://127.0.0.1:" + nginx.port + base));
            }
            String websockets = openWebSockets(client, "ws://127.0.0.1:" + aapf.port() + base + "/api/kernels/k/channels");
            write(output, results, websockets);
        } finally {
            if (nginx != null) {
                nginx.stop();
            }
            aapf.stop();
            proxy.close();
            upstream.stop();
        }
    }

    private static WebServer upstream() {
        HttpRouting.Builder http = HttpRouting.builder()
                .get("/proxy/bench/jupyter/small", (req, res) -> res.send(SMALL))
                .get("/proxy/bench/jupyter/big", (req, res) -> res.send(BIG));
        WsListener echo = new WsListener() {
            @Override
            public void onMessage(WsSession session, String text, boolean last) {
                session.send(text, last);
            }
        };
        return WebServer.builder().host("127.0.0.1").port(0).routing(http)
                .addRouting(WsRouting.builder().endpoint("/proxy/*", echo)).build().start();
    }

    private static WebServer proxyServer(NotebookProxy proxy) {
        HttpRouting.Builder http = HttpRouting.builder();
        proxy.register(http);
        WsRouting.Builder ws = WsRouting.builder();
        proxy.register(ws);
        return WebServer.builder().host("127.0.0.1").port(0).addProtocol(proxy.webSocketProtocol())
                .routing(http).addRouting(ws).build().start();
    }

    private static Result measure(HttpClient client, String target, String base) throws Exception {
        HttpRequest small = HttpRequest.newBuilder(URI.create(base + "/small")).build();
        HttpRequest big = HttpRequest.newBuilder(URI.create(base + "/big")).build();
        run(client, small, 2_000, CONCURRENCY);
        long[] latencies = run(client, small, SMALL_REQUESTS, CONCURRENCY);
        double smallSeconds = latencies[latencies.length - 1] / 1e9;
        long[] sorted = Arrays.copyOf(latencies, latencies.length - 1);
        Arrays.sort(sorted);
        run(client, big, 20, 4);
        long[] bigRun = run(client, big, BIG_REQUESTS, 4);
        double bigSeconds = bigRun[bigRun.length - 1] / 1e9;
        Result result = new Result(target, sorted.length / smallSeconds, percentile(sorted, 0.50) / 1e6,
                percentile(sorted, 0.99) / 1e6, (bigRun.length - 1) / bigSeconds);
        System.out.println(format(result));
        return result;
    }

    /** Sends {@code count} requests over {@code concurrency} workers; returns latencies plus total nanos last. */
    private static long[] run(HttpClient client, HttpRequest request, int count, int concurrency) throws Exception {
        long[] latencies = new long[count];
        AtomicInteger next = new AtomicInteger();
        AtomicLong failures = new AtomicLong();
        long deadline = System.nanoTime() + PHASE_LIMIT.toNanos();
        long start = System.nanoTime();
        try (ExecutorService workers = Executors.newVirtualThreadPerTaskExecutor()) {
            for (int w = 0; w < concurrency; w++) {
                workers.submit(() -> {
                    for (int i; (i = next.getAndIncrement()) < count && System.nanoTime() < deadline; ) {
                        long t0 = System.nanoTime();
                        try {
                            HttpResponse<byte[]> response = client.send(request, HttpResponse.BodyHandlers.ofByteArray());
                            if (response.statusCode() != 200) {
                                failures.incrementAndGet();
                            }
                        } catch (IOException | InterruptedException e) {
                            failures.incrementAndGet();
                        }
                        latencies[i] = System.nanoTime() - t0;
                    }
                    return null;
                });
            }
        }
        long total = System.nanoTime() - start;
        if (failures.get() > 0) {
            throw new IllegalStateException(failures.get() + " failed requests to " + request.uri());
        }
        int done = Math.min(next.get(), count);
        long[] result = Arrays.copyOf(latencies, done + 1);
        result[done] = total;
        return result;
    }

    private static long percentile(long[] sorted, double p) {
        return sorted[Math.min(sorted.length - 1, (int) Math.ceil(p * sorted.length) - 1)];
    }

    private static String openWebSockets(HttpClient client, String uri) throws Exception {
        long before = liveHeap();
        List<WebSocket> sockets = new ArrayList<>();
        for (int i = 0; i < WEBSOCKETS; i++) {
            CompletableFuture<String> echoed = new CompletableFuture<>();
            WebSocket socket = client.newWebSocketBuilder().buildAsync(URI.create(uri), new WebSocket.Listener() {
                @Override
                public CompletionStage<?> onText(WebSocket webSocket, CharSequence data, boolean last) {
                    echoed.complete(data.toString());
                    return null;
                }
            }).get(10, TimeUnit.SECONDS);
            socket.sendText("hello " + i, true).join();
            echoed.get(10, TimeUnit.SECONDS);
            sockets.add(socket);
        }
        long after = liveHeap();
        sockets.forEach(WebSocket::abort);
        String line = String.format(Locale.ROOT,
                "%d open proxied WebSockets: live heap +%.1f MiB (%.1f KiB each; bench JVM also holds both client ends)",
                WEBSOCKETS, (after - before) / 1048576.0, (after - before) / 1024.0 / WEBSOCKETS);
        System.out.println(line);
        return line;
    }

    private static long liveHeap() throws InterruptedException {
        for (int i = 0; i < 3; i++) {
            System.gc();
            Thread.sleep(100);
        }
        return ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed();
    }

    private static String format(Result r) {
        return String.format(Locale.ROOT, "%-11s %10.0f %9.2f %9.2f %12.1f",
                r.target(), r.smallRps(), r.p50Ms(), r.p99Ms(), r.bigMiBps());
    }

    private static void write(Path output, List<Result> results, String websockets) throws IOException {
        StringBuilder text = new StringBuilder();
        text.append("# AAPF notebook proxy benchmark, ").append(Instant.now()).append('\n');
        text.append(String.format(Locale.ROOT, "# loopback, %d cores, java %s; small: %d requests x %d concurrent;"
                        + " 1 MiB: %d requests x 4 concurrent%n", Runtime.getRuntime().availableProcessors(),
                Runtime.version(), SMALL_REQUESTS, CONCURRENCY, BIG_REQUESTS));
        text.append("target        small/s   p50(ms)   p99(ms)  1MiB (MiB/s)\n");
        results.forEach(r -> text.append(format(r)).append('\n'));
        Result direct = results.get(0);
        for (Result r : results.subList(1, results.size())) {
            text.append(String.format(Locale.ROOT, "%s vs direct: %.0f%% of requests/s, p99 x%.2f, throughput %.0f%%%n",
                    r.target(), 100 * r.smallRps() / direct.smallRps(), r.p99Ms() / direct.p99Ms(),
                    100 * r.bigMiBps() / direct.bigMiBps()));
        }
        results.stream().filter(r -> r.target().equals("nginx")).findFirst().ifPresent(nginx -> {
            Result aapf = results.get(1);
            text.append(String.format(Locale.ROOT, "aapf-proxy vs nginx: %.0f%% of requests/s, p99 x%.2f%n",
                    100 * aapf.smallRps() / nginx.smallRps(), aapf.p99Ms() / nginx.p99Ms()));
        });
        text.append(websockets).append('\n');
        Files.createDirectories(output.getParent());
        Files.writeString(output, text.toString());
        System.out.print(text);
    }

    /** Debian's nginx as a plain reverse proxy on a free port, when installed. */
    private record Nginx(Process process, int port, Path dir) {

        static Nginx startIfInstalled(int upstreamPort) throws Exception {
            Path binary = Path.of("/usr/sbin/nginx");
            if (!Files.isExecutable(binary)) {
                System.out.println("nginx not installed: skipping (c)");
                return null;
            }
            int port;
            try (ServerSocket socket = new ServerSocket(0)) {
                port = socket.getLocalPort();
            }
            Path dir = Files.createTempDirectory("aapf-bench-nginx");
            Files.createDirectories(dir.resolve("logs"));
            Files.writeString(dir.resolve("nginx.conf"), """
                    worker_processes 2;
                    pid %1$s/nginx.pid;
                    error_log %1$s/logs/error.log warn;
                    events { worker_connections 1024; }
                    http {
                      access_log off;
                      client_body_temp_path %1$s/body; proxy_temp_path %1$s/proxy;
                      fastcgi_temp_path %1$s/fcgi; uwsgi_temp_path %1$s/uwsgi; scgi_temp_path %1$s/scgi;
                      upstream notebook { server 127.0.0.1:%2$d; keepalive 64; }
                      server {
                        listen 127.0.0.1:%3$d;
                        location /proxy/ {
                          proxy_pass http://notebook;
                          proxy_http_version 1.1;
                          proxy_set_header Connection "";
                          proxy_set_header Host $host;
                        }
                      }
                    }
                    """.formatted(dir, upstreamPort, port));
            Process process = new ProcessBuilder(binary.toString(), "-p", dir.toString(), "-c",
                    dir.resolve("nginx.conf").toString(), "-g", "daemon off;")
                    .redirectErrorStream(true).redirectOutput(dir.resolve("logs/stdout").toFile()).start();
            for (int i = 0; i < 50; i++) {
                try (java.net.Socket probe = new java.net.Socket("127.0.0.1", port)) {
                    return new Nginx(process, port, dir);
                } catch (IOException notYet) {
                    Thread.sleep(100);
                }
            }
            process.destroyForcibly();
            throw new IllegalStateException("nginx did not start: " + Files.readString(dir.resolve("logs/stdout")));
        }

        void stop() throws Exception {
            process.destroy();
            process.waitFor(10, TimeUnit.SECONDS);
            process.destroyForcibly();
            try (var files = Files.walk(dir)) {
                files.sorted(java.util.Comparator.reverseOrder()).forEach(path -> path.toFile().delete());
            }
        }
    }
}

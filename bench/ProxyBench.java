import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.PrintStream;
import java.lang.management.ManagementFactory;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.WebSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import io.helidon.common.socket.SocketOptions;
import io.helidon.webserver.WebServer;
import io.helidon.webserver.http.HttpRouting;
import io.helidon.webserver.websocket.WsRouting;
import io.helidon.websocket.WsListener;
import io.helidon.websocket.WsSession;
import org.aapf.adapter.in.http.OperationsRouting;
import org.aapf.adapter.in.http.gateway.Gateway;
import org.aapf.adapter.in.http.gateway.ListenerLimits;
import org.aapf.adapter.in.http.gateway.NotebookAdmission;
import org.aapf.adapter.in.http.gateway.ProxySettings;
import org.aapf.application.port.in.ResolveNotebookRouteQuery;
import org.aapf.adapter.in.http.Metrics;

/**
 * Loopback benchmark of the notebook proxy (run with bench/proxy.sh, which explains how the comparison is kept fair).
 * Every party is its own process: a Helidon upstream standing in for the notebook, the AAPF proxy (as in {@code aapf
 * serve}: access log on, production logging configuration), nginx as a reverse proxy, and wrk as the one load
 * generator for all three targets. Then the proxy's live heap with 200 open proxied WebSockets.
 *
 * <p>{@code java ProxyBench [output]} runs it all; {@code upstream} and {@code proxy <upstreamPort>} are the child
 * processes it starts: each prints {@code PORT <n>}, and answers {@code heap} on stdin with its live heap and {@code
 * jit} with the time its JIT compilers have spent so far. bench/proxy.sh compiles this file first, so that no child
 * JVM runs javac (the source launcher's) before it serves, and its JIT compiles the server's paths, not javac's.
 */
public final class ProxyBench {

    private static final Duration RUN = Duration.ofSeconds(Integer.getInteger("bench.seconds", 10));
    private static final Duration WARMUP = Duration.ofSeconds(Integer.getInteger("bench.warmup", 20));
    /**
     * After its first part ({@link #WARMUP} for the saturated runs), a warm-up goes on in steps of this length while
     * the JVMs behind the target still compile (their JIT time grew by more than {@link #JIT_SETTLED_MS} in the last
     * step), up to {@link #MAX_WARMUP}. Under saturation the JIT's compiler threads get little of the 2 cores: seen
     * here, the proxy's p99 fell from 3.6 ms to 1.0 ms over its first minute at full load as its compilers caught up.
     */
    private static final Duration WARMUP_STEP = Duration.ofSeconds(10);
    private static final long JIT_SETTLED_MS = Long.getLong("bench.jitSettledMs", 50);
    private static final Duration MAX_WARMUP = Duration.ofSeconds(Integer.getInteger("bench.maxWarmup", 120));
    private static final int CONCURRENCY = Integer.getInteger("bench.concurrency", 16);
    /** How many times each target is measured, interleaved with the others; the median is reported. */
    private static final int ROUNDS = Integer.getInteger("bench.rounds", 5);
    private static final int BIG_CONCURRENCY = 4;
    private static final int WEBSOCKETS = Integer.getInteger("bench.websockets", 200);
    /** {@code websockets}: measure only the WebSockets (round trips and heap), not HTTP; empty: everything. */
    private static final String ONLY = System.getProperty("bench.only", "");
    /** WebSocket messages for the round-trip latency, a target: as many again warm up first. */
    private static final int WS_MESSAGES = Integer.getInteger("bench.wsMessages", 20000);
    /**
     * The paced run's wait between a connection's requests: 16 connections then send about 5,000 requests/s, a rate
     * every target sustains, so its latencies show what each hop adds rather than how long its queue grows.
     */
    private static final int PACE_MS = 3;
    private static final Duration PACED_WARMUP = Duration.ofSeconds(Integer.getInteger("bench.pacedWarmup", 15));
    private static final byte[] SMALL = "{\"status\":\"ok\",\"kernels\":1}".getBytes(StandardCharsets.UTF_8);
    private static final int BIG_SIZE = 1024 * 1024;
    private static final String BASE = "/proxy/bench/jupyter";
    /**
     * {@code shared} (the default): every process is started from this one, so all of them share one scheduling group
     * (autogroup) and compete for the 2 cores thread by thread. {@code own}: each is started in a session, so a group,
     * of its own, as services under systemd (a cgroup each) or on other hosts are: the kernel then shares the cores
     * between the processes first, and only within a process between its threads.
     */
    private static final String GROUPS = System.getProperty("bench.groups", "shared");
    /** Extra options for the proxy's JVM only (a GC to compare, say), comma-separated; none by default. */
    private static final List<String> PROXY_JVM = Arrays.stream(System.getProperty("bench.proxyJvm", "").split(","))
            .filter(option -> !option.isBlank()).map(String::strip).toList();

    /**
     * A target's medians. Saturated: as fast as wrk can go; paced: each connection waits {@link #PACE_MS} between
     * requests. With the rounds of the small answer behind them.
     */
    record Result(String target, double smallRps, double p50Ms, double p99Ms,
                  double pacedRps, double pacedP50Ms, double pacedP99Ms, double bigMiBps,
                  List<Wrk> smallRounds, List<Wrk> pacedRounds, long warmupSeconds) {
    }

    public static void main(String[] args) throws Exception {
        String role = args.length > 0 ? args[0] : "";
        switch (role) {
            case "upstream" -> serveUpstream();
            case "proxy" -> serveProxy(Integer.parseInt(args[1]));
            default -> orchestrate(Path.of(args.length > 0 ? args[0] : "bench/results/proxy.txt"));
        }
    }

    // ---- the orchestrator -------------------------------------------------------------------------------------

    private static void orchestrate(Path output) throws Exception {
        requireWrk();
        Path work = Files.createTempDirectory("aapf-bench");
        List<Result> results;
        String websockets;
        List<String> roundTrips = new ArrayList<>();
        try (Child upstream = Child.start("upstream", List.of(), work);
             Child proxy = Child.start("proxy", List.of(Integer.toString(upstream.port)), work);
             Nginx nginx = Nginx.start(upstream.port, work)) {
            List<Target> targets = List.of(new Target("direct", upstream.port, List.of(upstream)),
                    new Target("aapf-proxy", proxy.port, List.of(proxy, upstream)),
                    new Target("nginx", nginx.port, List.of(upstream)));
            results = ONLY.equals("websockets") ? List.of() : measure(targets);
            for (Target target : targets) {
                roundTrips.add(webSocketRoundTrips(target));
            }
            websockets = openWebSockets(proxy);
        } finally {
            deleteTree(work);
        }
        write(output, results, websockets, roundTrips);
    }

    /** A measured server: its name in the table, its port, and the JVMs that serve its requests. */
    private record Target(String name, int port, List<Child> jvms) {

        long jitMillis() throws IOException {
            long total = 0;
            for (Child jvm : jvms) {
                total += jvm.jitMillis();
            }
            return total;
        }

        String url(String path) {
            return "http://127.0.0.1:" + port + BASE + path;
        }
    }

    /**
     * Each kind of run (saturated, paced, 1 MiB) warms every target up, then measures them in {@link #ROUNDS}
     * rounds, one run of each target a round, the order rotating from round to round; a target's figure is the
     * median of its rounds. The machine's drift (another process, the CPU's clock) then falls on every target alike,
     * instead of on whichever ran when it happened.
     */
    private static List<Result> measure(List<Target> targets) throws Exception {
        String pace = "function delay() return " + PACE_MS + " end";
        Load saturated = (target, duration) -> wrk(target.url("/small"), CONCURRENCY, duration);
        Load paced = (target, duration) -> wrk(target.url("/small"), CONCURRENCY, duration, pace);
        Load big = (target, duration) -> wrk(target.url("/big"), BIG_CONCURRENCY, duration);
        List<Long> warmed = new ArrayList<>();
        for (Target target : targets) {
            warmed.add(warmUp(target, "saturated", WARMUP, saturated));
        }
        List<List<Wrk>> smallRuns = rounds(targets, saturated, "saturated");
        // A JVM that just ran flat out still has to compile the paths of a lightly loaded server (carriers parking
        // and waking): its first seconds at this pace are slower. Every target is warmed at the pace too.
        for (Target target : targets) {
            warmUp(target, "paced", PACED_WARMUP, paced);
        }
        List<List<Wrk>> pacedRuns = rounds(targets, paced, "paced");
        for (Target target : targets) {
            warmUp(target, "1 MiB", Duration.ofSeconds(5), big);
        }
        List<List<Wrk>> bigRuns = rounds(targets, big, "1 MiB");
        List<Result> results = new ArrayList<>();
        for (int t = 0; t < targets.size(); t++) {
            Wrk s = Wrk.median(smallRuns.get(t));
            Wrk p = Wrk.median(pacedRuns.get(t));
            results.add(new Result(targets.get(t).name(), s.requestsPerSecond, s.p50Ms, s.p99Ms,
                    p.requestsPerSecond, p.p50Ms, p.p99Ms,
                    Wrk.median(bigRuns.get(t)).requestsPerSecond * BIG_SIZE / (1024.0 * 1024.0), smallRuns.get(t),
                    pacedRuns.get(t), warmed.get(t)));
        }
        return results;
    }

    /** One kind of load (saturated, paced, 1 MiB) on a target for a while. */
    interface Load {
        Wrk on(Target target, Duration duration) throws Exception;
    }

    /**
     * Runs {@code load} on {@code target} for {@code first}, then in steps of {@link #WARMUP_STEP} for as long as the
     * target's JVMs still compile, up to {@link #MAX_WARMUP}. A server that runs for days is measured warm.
     */
    private static long warmUp(Target target, String kind, Duration first, Load load) throws Exception {
        long jit = target.jitMillis();
        load.on(target, first);
        Duration warmed = first;
        long grown;
        while ((grown = target.jitMillis() - jit) > JIT_SETTLED_MS && warmed.compareTo(MAX_WARMUP) < 0) {
            jit += grown;
            load.on(target, WARMUP_STEP);
            warmed = warmed.plus(WARMUP_STEP);
        }
        System.out.printf(Locale.ROOT, "%-9s warm-up %-11s %d s (JIT time in the last step: %d ms)%n", kind,
                target.name(), warmed.toSeconds(), grown);
        return warmed.toSeconds();
    }

    /** {@link #ROUNDS} runs of every target, the order rotated each round; the runs of target {@code t} at [t]. */
    private static List<List<Wrk>> rounds(List<Target> targets, Load load, String kind) throws Exception {
        List<List<Wrk>> runs = new ArrayList<>();
        targets.forEach(target -> runs.add(new ArrayList<>()));
        for (int round = 0; round < ROUNDS; round++) {
            for (int i = 0; i < targets.size(); i++) {
                int t = (round + i) % targets.size();
                Wrk result = load.on(targets.get(t), RUN);
                runs.get(t).add(result);
                System.out.printf(Locale.ROOT, "%-9s round %d %-11s %10.0f/s p50 %.2f ms p99 %.2f ms%n", kind,
                        round + 1, targets.get(t).name(), result.requestsPerSecond, result.p50Ms, result.p99Ms);
            }
        }
        return runs;
    }

    /** One wrk run: keep-alive connections, 2 threads, latency distribution; fails on any error or non-2xx. */
    private static Wrk wrk(String url, int connections, Duration duration) throws Exception {
        return wrk(url, connections, duration, null);
    }

    /** As {@link #wrk(String, int, Duration)}, with a wrk Lua script (e.g. a {@code delay()} between requests). */
    private static Wrk wrk(String url, int connections, Duration duration, String luaScript) throws Exception {
        List<String> command = new ArrayList<>(List.of("wrk", "-t2", "-c" + connections,
                "-d" + duration.toSeconds() + "s", "--latency"));
        Path script = null;
        if (luaScript != null) {
            script = Files.writeString(Files.createTempFile("aapf-bench", ".lua"), luaScript);
            command.addAll(List.of("-s", script.toString()));
        }
        command.add(url);
        Process process = launch(command).redirectErrorStream(true).start();
        String out = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (script != null) {
            Files.delete(script);
        }
        if (process.waitFor() != 0 || out.contains("Non-2xx") || out.contains("Socket errors")) {
            throw new IllegalStateException("wrk against " + url + " failed:\n" + out);
        }
        return new Wrk(number(out, "Requests/sec:\\s+([0-9.]+)"), millis(out, "50%"), millis(out, "99%"));
    }

    record Wrk(double requestsPerSecond, double p50Ms, double p99Ms) {

        /** Each figure's median over the runs (of an odd count, the middle one). */
        static Wrk median(List<Wrk> runs) {
            return new Wrk(median(runs, Wrk::requestsPerSecond), median(runs, Wrk::p50Ms), median(runs, Wrk::p99Ms));
        }

        private static double median(List<Wrk> runs, java.util.function.ToDoubleFunction<Wrk> figure) {
            double[] values = runs.stream().mapToDouble(figure).sorted().toArray();
            int middle = values.length / 2;
            return values.length % 2 == 1 ? values[middle] : (values[middle - 1] + values[middle]) / 2;
        }
    }

    private static double number(String text, String regex) {
        Matcher m = Pattern.compile(regex).matcher(text);
        if (!m.find()) {
            throw new IllegalStateException("no " + regex + " in wrk output:\n" + text);
        }
        return Double.parseDouble(m.group(1));
    }

    private static double millis(String text, String percentile) {
        Matcher m = Pattern.compile("\\s" + percentile + "\\s+([0-9.]+)(us|ms|s)\\b").matcher(text);
        if (!m.find()) {
            throw new IllegalStateException("no " + percentile + " latency in wrk output:\n" + text);
        }
        double value = Double.parseDouble(m.group(1));
        return switch (m.group(2)) {
            case "us" -> value / 1000;
            case "s" -> value * 1000;
            default -> value;
        };
    }

    /**
     * WebSocket round trips through a target: one socket, one text message at a time, echoed by the stand-in
     * notebook; {@link #WS_MESSAGES} to warm up, then as many measured. The JDK client on both ends of every target.
     */
    private static String webSocketRoundTrips(Target target) throws Exception {
        try (HttpClient client = HttpClient.newHttpClient()) {
            String uri = "ws://127.0.0.1:" + target.port() + BASE + "/api/kernels/rtt/channels";
            java.util.concurrent.BlockingQueue<String> echoes = new java.util.concurrent.LinkedBlockingQueue<>();
            WebSocket socket = client.newWebSocketBuilder().buildAsync(URI.create(uri), new WebSocket.Listener() {
                private final StringBuilder parts = new StringBuilder();

                @Override
                public CompletionStage<?> onText(WebSocket webSocket, CharSequence data, boolean last) {
                    parts.append(data); // a message may come in parts: one echo is one whole message
                    if (last) {
                        echoes.add(parts.toString());
                        parts.setLength(0);
                    }
                    webSocket.request(1);
                    return null;
                }
            }).get(10, TimeUnit.SECONDS);
            long[] nanos = new long[WS_MESSAGES];
            for (int i = -WS_MESSAGES; i < WS_MESSAGES; i++) {
                String message = "{\"msg\": " + i + "}";
                long start = System.nanoTime();
                socket.sendText(message, true).join();
                if (!message.equals(echoes.poll(10, TimeUnit.SECONDS))) {
                    throw new IllegalStateException("no echo through " + target.name());
                }
                if (i >= 0) {
                    nanos[i] = System.nanoTime() - start;
                }
            }
            socket.abort();
            Arrays.sort(nanos);
            String line = String.format(Locale.ROOT, "%-11s WebSocket round trip p50 %.3f ms p99 %.3f ms (%d messages)",
                    target.name(), nanos[WS_MESSAGES / 2] / 1e6, nanos[WS_MESSAGES * 99 / 100] / 1e6, WS_MESSAGES);
            System.out.println(line);
            return line;
        }
    }

    private static String openWebSockets(Child proxy) throws Exception {
        long before = proxy.liveHeap();
        List<WebSocket> sockets = new ArrayList<>();
        try (HttpClient client = HttpClient.newHttpClient()) {
            String uri = "ws://127.0.0.1:" + proxy.port + BASE + "/api/kernels/k/channels";
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
            long after = proxy.liveHeap();
            sockets.forEach(WebSocket::abort);
            String line = String.format(Locale.ROOT,
                    "%d open proxied WebSockets: proxy live heap +%.1f MiB (%.1f KiB each)",
                    WEBSOCKETS, (after - before) / 1048576.0, (after - before) / 1024.0 / WEBSOCKETS);
            System.out.println(line);
            return line;
        }
    }

    private static String format(Result r) {
        return String.format(Locale.ROOT, "%-11s %10.0f %9.2f %9.2f %10.0f %9.2f %9.2f %12.1f",
                r.target(), r.smallRps(), r.p50Ms(), r.p99Ms(), r.pacedRps(), r.pacedP50Ms(), r.pacedP99Ms(),
                r.bigMiBps());
    }

    private static void write(Path output, List<Result> results, String websockets, List<String> roundTrips)
            throws IOException {
        StringBuilder text = new StringBuilder();
        text.append("# AAPF notebook proxy benchmark (bench/proxy.sh), ").append(Instant.now()).append('\n');
        text.append(String.format(Locale.ROOT, "# loopback, %d cores, load average before %s, java %s, %s;%n",
                Runtime.getRuntime().availableProcessors(), loadAverage(), Runtime.version(), wrkVersion()));
        StringBuilder warmups = new StringBuilder();
        results.forEach(r -> warmups.append(warmups.isEmpty() ? "" : ", ").append(r.target()).append(' ')
                .append(r.warmupSeconds()).append(" s"));
        text.append(String.format(Locale.ROOT, "# wrk -t2 --latency, keep-alive; small: %d connections x %d s after a"
                + " saturated warm-up of %d s or more, until the JIT of the JVMs behind the target settles (%s);"
                + " paced: the same with %d ms between a connection's requests, after %d s or more at that pace;"
                + " 1 MiB: %d connections x %d s after 5 s or more%n", CONCURRENCY, RUN.toSeconds(), WARMUP.toSeconds(),
                warmups, PACE_MS, PACED_WARMUP.toSeconds(), BIG_CONCURRENCY, RUN.toSeconds()));
        text.append(String.format(Locale.ROOT, "# each figure: the median of %d rounds, the targets interleaved"
                + " (the rounds of the small answer are listed below the ratios); scheduling groups: %s%n", ROUNDS,
                GROUPS.equals("own") ? "own (each process in a session of its own)"
                        : "shared (every process in the benchmark's own)"));
        if (!PROXY_JVM.isEmpty()) {
            text.append("# the proxy's JVM also ran with: ").append(String.join(" ", PROXY_JVM)).append('\n');
        }
        if (results.isEmpty()) {
            text.append("# WebSockets only (-Dbench.only=websockets)\n");
            roundTrips.forEach(line -> text.append(line).append('\n'));
            text.append(websockets).append('\n');
            Files.writeString(output, text.toString());
            System.out.print(text);
            return;
        }
        text.append("            saturated ----------------------  paced ---------------------\n");
        text.append("target        small/s   p50(ms)   p99(ms)    small/s   p50(ms)   p99(ms)  1MiB (MiB/s)\n");
        results.forEach(r -> text.append(format(r)).append('\n'));
        Result direct = results.get(0);
        for (Result r : results.subList(1, results.size())) {
            text.append(String.format(Locale.ROOT,
                    "%s vs direct: %.0f%% of requests/s, p99 x%.2f, paced p99 x%.2f, throughput %.0f%%%n",
                    r.target(), 100 * r.smallRps() / direct.smallRps(), r.p99Ms() / direct.p99Ms(),
                    r.pacedP99Ms() / direct.pacedP99Ms(), 100 * r.bigMiBps() / direct.bigMiBps()));
        }
        Result aapf = results.get(1);
        Result nginx = results.get(2);
        text.append(String.format(Locale.ROOT,
                "aapf-proxy vs nginx: %.0f%% of requests/s (goal >= 70%%), p99 x%.2f saturated and x%.2f paced"
                + " (goal <= 1.5), throughput %.0f%%%n",
                100 * aapf.smallRps() / nginx.smallRps(), aapf.p99Ms() / nginx.p99Ms(),
                aapf.pacedP99Ms() / nginx.pacedP99Ms(), 100 * aapf.bigMiBps() / nginx.bigMiBps()));
        roundTrips.forEach(line -> text.append(line).append('\n'));
        text.append(websockets).append('\n');
        text.append("rounds (requests/s, p99 ms):\n");
        for (Result r : results) {
            text.append(String.format(Locale.ROOT, "  %-11s saturated %s%n  %-11s paced     %s%n", r.target(),
                    rounds(r.smallRounds()), "", rounds(r.pacedRounds())));
        }
        Files.createDirectories(output.toAbsolutePath().getParent());
        Files.writeString(output, text.toString());
        System.out.print(text);
    }

    private static String rounds(List<Wrk> runs) {
        StringBuilder line = new StringBuilder();
        for (Wrk run : runs) {
            line.append(String.format(Locale.ROOT, " %7.0f %6.2f |", run.requestsPerSecond(), run.p99Ms()));
        }
        return line.substring(0, line.length() - 2);
    }

    private static String loadAverage() {
        try {
            String[] fields = Files.readString(Path.of("/proc/loadavg")).split(" ");
            return fields[0] + " " + fields[1] + " " + fields[2];
        } catch (IOException e) {
            return "unknown";
        }
    }

    private static void requireWrk() throws Exception {
        try {
            new ProcessBuilder("wrk", "--version").redirectErrorStream(true).start().waitFor();
        } catch (IOException e) {
            throw new IllegalStateException("wrk is needed as the load generator: apt-get install wrk", e);
        }
    }

    private static String wrkVersion() {
        try {
            Process process = new ProcessBuilder("wrk", "--version").redirectErrorStream(true).start();
            String out = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            process.waitFor();
            return out.lines().findFirst().map(line -> line.replaceAll("\\s*\\[.*", "").strip()).orElse("wrk");
        } catch (Exception e) {
            return "wrk";
        }
    }

    /** A process of the benchmark, in the scheduling group {@link #GROUPS} asks for. */
    private static ProcessBuilder launch(List<String> command) {
        return switch (GROUPS) {
            case "shared" -> new ProcessBuilder(command);
            case "own" -> {
                List<String> inSession = new ArrayList<>(List.of("setsid", "--wait"));
                inSession.addAll(command);
                yield new ProcessBuilder(inSession);
            }
            default -> throw new IllegalArgumentException("bench.groups is shared or own, not " + GROUPS);
        };
    }

    private static void deleteTree(Path dir) throws IOException {
        try (var files = Files.walk(dir)) {
            files.sorted(Comparator.reverseOrder()).forEach(path -> path.toFile().delete());
        }
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }

    private static void awaitPort(int port, Process process, Path log) throws Exception {
        for (int i = 0; i < 100; i++) {
            try (Socket probe = new Socket("127.0.0.1", port)) {
                return;
            } catch (IOException notYet) {
                if (!process.isAlive()) {
                    break;
                }
                Thread.sleep(100);
            }
        }
        throw new IllegalStateException("port " + port + " never opened: " + Files.readString(log));
    }

    /** A child JVM running this file in another role; stopped by closing its stdin. */
    private static final class Child implements AutoCloseable {
        private final Process process;
        private final BufferedReader out;
        private final int port;

        private Child(Process process) throws IOException {
            this.process = process;
            this.out = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8));
            this.port = Integer.parseInt(expect("PORT "));
        }

        static Child start(String role, List<String> args, Path work) throws IOException {
            List<String> command = new ArrayList<>(List.of(
                    ProcessHandle.current().info().command().orElseThrow(),
                    // the same fixed heap for every JVM, so runs compare
                    "-Xms512m", "-Xmx512m"));
            if (role.equals("proxy")) {
                command.addAll(PROXY_JVM);
            }
            command.addAll(List.of(
                    // the production logging configuration: the access log writes one line per request to the console
                    "-Djava.util.logging.config.file=bootstrap/src/main/resources/logging.properties",
                    "--class-path", System.getProperty("java.class.path"),
                    ProxyBench.class.getName(), role));
            command.addAll(args);
            Path log = work.resolve(role + ".log");
            Process process = launch(command).redirectError(log.toFile()).start();
            try {
                return new Child(process);
            } catch (RuntimeException | IOException e) {
                process.destroyForcibly();
                throw new IllegalStateException(role + " did not start: " + Files.readString(log), e);
            }
        }

        long jitMillis() throws IOException {
            process.getOutputStream().write("jit\n".getBytes(StandardCharsets.UTF_8));
            process.getOutputStream().flush();
            return Long.parseLong(expect("JIT "));
        }

        long liveHeap() throws IOException {
            process.getOutputStream().write("heap\n".getBytes(StandardCharsets.UTF_8));
            process.getOutputStream().flush();
            return Long.parseLong(expect("HEAP "));
        }

        private String expect(String prefix) throws IOException {
            for (String line; (line = out.readLine()) != null; ) {
                if (line.startsWith(prefix)) {
                    return line.substring(prefix.length()).strip();
                }
            }
            throw new IOException("child ended before printing " + prefix);
        }

        @Override
        public void close() throws Exception {
            process.getOutputStream().close();
            if (!process.waitFor(10, TimeUnit.SECONDS)) {
                process.destroyForcibly().waitFor();
            }
        }
    }

    /** Debian's nginx as a plain reverse proxy (keep-alive to the upstream, as its docs recommend), access log off. */
    private record Nginx(Process process, int port) implements AutoCloseable {

        static Nginx start(int upstreamPort, Path work) throws Exception {
            Path binary = Path.of("/usr/sbin/nginx");
            if (!Files.isExecutable(binary)) {
                throw new IllegalStateException("nginx is needed for the comparison: apt-get install nginx");
            }
            int port = freePort();
            Path dir = Files.createDirectories(work.resolve("nginx"));
            Files.createDirectories(dir.resolve("logs"));
            Files.writeString(dir.resolve("nginx.conf"), """
                    worker_processes 2;
                    pid %1$s/nginx.pid;
                    error_log %1$s/logs/error.log warn;
                    events { worker_connections 1024; }
                    http {
                      access_log %1$s/logs/access.log;
                      client_body_temp_path %1$s/body; proxy_temp_path %1$s/proxy;
                      fastcgi_temp_path %1$s/fcgi; uwsgi_temp_path %1$s/uwsgi; scgi_temp_path %1$s/scgi;
                      upstream notebook { server 127.0.0.1:%2$d; keepalive 64; }
                      server {
                        listen 127.0.0.1:%3$d;
                        location ~ /channels$ {
                          proxy_pass http://notebook;
                          proxy_http_version 1.1;
                          proxy_set_header Upgrade $http_upgrade;
                          proxy_set_header Connection "upgrade";
                          proxy_set_header Host $host;
                          proxy_read_timeout 3600s;
                        }
                        location /proxy/ {
                          proxy_pass http://notebook;
                          proxy_http_version 1.1;
                          proxy_set_header Connection "";
                          proxy_set_header Host $host;
                          proxy_set_header X-Forwarded-For $proxy_add_x_forwarded_for;
                          proxy_set_header X-Forwarded-Proto $scheme;
                          proxy_set_header X-Forwarded-Host $host;
                        }
                      }
                    }
                    """.formatted(dir, upstreamPort, port));
            Path log = dir.resolve("logs/stdout");
            Process process = launch(List.of(binary.toString(), "-p", dir.toString(), "-c",
                    dir.resolve("nginx.conf").toString(), "-g", "daemon off;"))
                    .redirectErrorStream(true).redirectOutput(log.toFile()).start();
            awaitPort(port, process, log);
            return new Nginx(process, port);
        }

        @Override
        public void close() throws Exception {
            process.destroy();
            if (!process.waitFor(10, TimeUnit.SECONDS)) {
                process.destroyForcibly().waitFor();
            }
        }
    }

    // ---- the child processes ----------------------------------------------------------------------------------

    /** The stand-in notebook: a small JSON answer, a 1 MiB answer, a WebSocket echo. */
    private static void serveUpstream() throws IOException {
        byte[] big = new byte[BIG_SIZE];
        HttpRouting.Builder http = HttpRouting.builder()
                .get(BASE + "/small", (req, res) -> res.send(SMALL))
                .get(BASE + "/big", (req, res) -> res.send(big));
        WsListener echo = new WsListener() {
            @Override
            public void onMessage(WsSession session, String text, boolean last) {
                session.send(text, last);
            }
        };
        WebServer server = WebServer.builder().host("127.0.0.1").port(0)
                .connectionOptions(SocketOptions.builder().tcpNoDelay(true).build())
                .routing(http).addRouting(WsRouting.builder().endpoint("/proxy/*", echo)).build().start();
        serveUntilStdinCloses(server);
    }

    /**
     * The AAPF proxy as {@code aapf serve} wires it: the gateway on the measured port, serving notebook HTTP and
     * WebSockets itself, the Helidon server (access log and metrics) behind it on loopback. The route is known without a lookup, as
     * the route cache has it in production ({@link ResolveNotebookRouteQuery#remembered}).
     */
    private static void serveProxy(int upstreamPort) throws IOException {
        ResolveNotebookRouteQuery.Ready bench = new ResolveNotebookRouteQuery.Ready("127.0.0.1", upstreamPort);
        ResolveNotebookRouteQuery routes = new ResolveNotebookRouteQuery() {
            @Override
            public NotebookRoute resolve(String id) {
                return id.equals("bench") ? bench : new Unknown();
            }

            @Override
            public Optional<Ready> remembered(String id) {
                return id.equals("bench") ? Optional.of(bench) : Optional.empty();
            }
        };
        NotebookAdmission notebooks = new NotebookAdmission(routes, new ProxySettings(
                Duration.ofSeconds(5), Duration.ofSeconds(60), Set.of()));
        HttpRouting.Builder http = HttpRouting.builder();
        new OperationsRouting(Metrics.none(), List.of(), Optional.empty(), () -> "").register(http);
        WebServer server = WebServer.builder().host("127.0.0.1").port(0)
                .connectionOptions(SocketOptions.builder().tcpNoDelay(true).build())
                .routing(http).build().start();
        Gateway gateway = Gateway.start("127.0.0.1", 0, server.port(), ListenerLimits.defaults(), notebooks);
        try {
            serveUntilStdinCloses(gateway.port());
        } finally {
            gateway.close();
            server.stop();
        }
    }

    private static void serveUntilStdinCloses(WebServer server) throws IOException {
        try {
            serveUntilStdinCloses(server.port());
        } finally {
            server.stop();
        }
    }

    private static void serveUntilStdinCloses(int port) throws IOException {
        PrintStream out = System.out;
        out.println("PORT " + port);
        out.flush();
        BufferedReader in = new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8));
        for (String line; (line = in.readLine()) != null; ) {
            if (line.equals("heap")) {
                out.println("HEAP " + liveHeap());
            } else if (line.equals("jit")) {
                out.println("JIT " + ManagementFactory.getCompilationMXBean().getTotalCompilationTime());
            }
            out.flush();
        }
    }

    private static long liveHeap() {
        for (int i = 0; i < 3; i++) {
            System.gc();
            try {
                Thread.sleep(100);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        return ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed();
    }
}

package org.aapf.adapter.in.http;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import io.helidon.http.Status;
import io.helidon.webserver.http.HttpRules;
import io.helidon.webserver.http.HttpService;
import io.helidon.webserver.http.ServerRequest;
import io.helidon.webserver.http.ServerResponse;

/**
 * Kubernetes-style probes, unauthenticated: {@code /health/live} answers 200 while the process serves HTTP;
 * {@code /health/ready} runs every {@link HealthCheck} (in parallel, each bounded in time) and answers 200 when none is
 * down (status {@code UP}, or {@code DEGRADED} when some part is degraded), else 503 ({@code DOWN}).
 */
final class HealthHttpService implements HttpService {

    private static final System.Logger LOG = System.getLogger(HealthHttpService.class.getName());

    private final List<HealthCheck> checks;
    private final Duration timeout;
    private final ExecutorService executor = Executors.newVirtualThreadPerTaskExecutor();

    HealthHttpService(List<HealthCheck> checks, Duration timeout) {
        this.checks = List.copyOf(checks);
        this.timeout = timeout;
    }

    @Override
    public void routing(HttpRules rules) {
        Endpoints.on(rules)
                .get(OperationsRouting.HEALTH_PATH + "/live", this::live)
                .get(OperationsRouting.HEALTH_PATH + "/ready", this::ready)
                .otherMethodsNotAllowed();
    }

    private void live(ServerRequest req, ServerResponse res) {
        Json.send(res, new Health(HealthCheck.Status.UP.name(), List.of()));
    }

    private void ready(ServerRequest req, ServerResponse res) {
        List<CompletableFuture<HealthCheck.Result>> running = checks.stream()
                .map(check -> CompletableFuture.supplyAsync(check::check, executor))
                .toList();
        List<CheckBody> results = new ArrayList<>();
        HealthCheck.Status overall = HealthCheck.Status.UP;
        for (int i = 0; i < checks.size(); i++) {
            HealthCheck.Result result = await(checks.get(i), running.get(i));
            results.add(new CheckBody(checks.get(i).name(), result.status().name(), result.detail()));
            overall = result.status().compareTo(overall) > 0 ? result.status() : overall;
        }
        Json.send(res, overall == HealthCheck.Status.DOWN ? Status.SERVICE_UNAVAILABLE_503 : Status.OK_200,
                new Health(overall.name(), results));
    }

    private HealthCheck.Result await(HealthCheck check, CompletableFuture<HealthCheck.Result> result) {
        try {
            return result.get(timeout.toMillis(), TimeUnit.MILLISECONDS);
        } catch (TimeoutException e) {
            result.cancel(true);
            return HealthCheck.Result.down("no answer within " + timeout.toMillis() + " ms");
        } catch (ExecutionException e) {
            LOG.log(System.Logger.Level.WARNING, "Health check {0} failed: {1}", check.name(),
                    e.getCause().getClass().getName());
            return HealthCheck.Result.down("check failed");
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return HealthCheck.Result.down("interrupted");
        }
    }

    record Health(String status, List<CheckBody> checks) {
    }

    record CheckBody(String name, String status, String detail) {
    }
}

package org.aapf.bootstrap.ops;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import org.aapf.bootstrap.support.TestServer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * 50 wrong passwords for one account sent at once to a real server: every attempt is counted before it is hashed,
 * so only the threshold's number are checked (each one hash), and the rest are 429 with Retry-After.
 */
class LoginBurstIT {

    private static final String METRICS_TOKEN = "metrics-token-for-tests-0123";
    private static final int BURST = 50;
    private static final int ACCOUNT_THRESHOLD = 5;
    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    private TestServer server;

    @BeforeEach
    void start() {
        server = TestServer.start(Map.of("AAPF_METRICS_TOKEN", METRICS_TOKEN));
        server.addUser("user1", "user1pass");
    }

    @AfterEach
    void stop() {
        server.close();
    }

    @Test
    void fiftyParallelWrongPasswords_costAtMostTheThresholdsHashes_theRestAre429WithRetryAfter() {
        List<CompletableFuture<HttpResponse<String>>> sent = new ArrayList<>();
        for (int i = 0; i < BURST; i++) {
            sent.add(HTTP.sendAsync(HttpRequest.newBuilder(URI.create(server.baseUrl() + "/api/v1/login"))
                    .header("Content-Type", "application/json").timeout(Duration.ofSeconds(60))
                    .POST(HttpRequest.BodyPublishers.ofString("{\"username\":\"user1\",\"password\":\"wrong" + i
                            + "\"}")).build(), HttpResponse.BodyHandlers.ofString()));
        }
        List<HttpResponse<String>> answers = sent.stream().map(CompletableFuture::join).toList();

        long unauthorized = answers.stream().filter(r -> r.statusCode() == 401).count();
        List<HttpResponse<String>> throttled = answers.stream().filter(r -> r.statusCode() == 429).toList();
        assertEquals(BURST, unauthorized + throttled.size(), "only 401 and 429: " + answers);
        assertTrue(unauthorized <= ACCOUNT_THRESHOLD, unauthorized + " passwords were checked");
        throttled.forEach(r -> assertTrue(r.headers().firstValue("Retry-After").map(Long::parseLong).orElse(0L) >= 1,
                r.headers().toString()));
        String metrics = scrape();
        assertTrue(metrics.lines().anyMatch(("aapf_logins_total{outcome=\"failed\"} " + (double) unauthorized)::equals),
                metrics);
        assertTrue(metrics.lines().anyMatch(("aapf_logins_total{outcome=\"throttled\"} "
                + (double) throttled.size())::equals), metrics);
        assertEquals(429, server.api().login("user1", "user1pass").status(), "the account is in its backoff");
    }

    private String scrape() {
        return HTTP.sendAsync(HttpRequest.newBuilder(URI.create(server.baseUrl() + "/metrics"))
                .header("Authorization", "Bearer " + METRICS_TOKEN).build(), HttpResponse.BodyHandlers.ofString())
                .join().body();
    }
}

package org.aapf.bootstrap;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.aapf.bootstrap.support.ServersOnPostgres;
import org.aapf.bootstrap.support.TestServer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Two servers on one PostgreSQL schema: creates racing over both cannot pass one user's limit together. */
class UserLimitsRacePostgresIT {

    private static final int RACERS = 8;
    private static ServersOnPostgres servers;
    private static TestServer first;
    private static TestServer second;

    @BeforeAll
    static void start() {
        servers = ServersOnPostgres.start(2, Map.of("AAPF_LIMITS_MAX_CLUSTERS", "1"));
        first = servers.server(0);
        second = servers.server(1);
        first.addUser("racer", "racer-password");
    }

    @AfterAll
    static void stop() {
        servers.close();
    }

    @Test
    void racingCreatesOnTwoServers_onlyOnePasses_theOthersAre403() throws Exception {
        String token = first.api().login("racer", "racer-password").text("accessToken");
        ExecutorService pool = Executors.newFixedThreadPool(RACERS);
        CountDownLatch go = new CountDownLatch(1);
        try {
            List<Future<Integer>> statuses = new ArrayList<>();
            for (int i = 0; i < RACERS; i++) {
                TestServer server = i % 2 == 0 ? first : second;
                String body = """
                        {"jupyterNotebook":{"image":{"repositoryName":"aa_jupyter_notebook"},"perfType":"small"}}""";
                String path = "/api/v1/aaclusters/racer-" + i;
                statuses.add(pool.submit(() -> {
                    go.await();
                    return server.api().post(path, token, body).status();
                }));
            }
            go.countDown();
            List<Integer> answered = new ArrayList<>();
            for (Future<Integer> status : statuses) {
                answered.add(status.get());
            }

            assertEquals(1, answered.stream().filter(status -> status == 202).count(), answered.toString());
            assertEquals(RACERS - 1, answered.stream().filter(status -> status == 403).count(), answered.toString());
            assertEquals(1, second.api().get("/api/v1/aaclusters", token).body().path("aaclusters").size());
        } finally {
            pool.shutdownNow();
        }
    }
}

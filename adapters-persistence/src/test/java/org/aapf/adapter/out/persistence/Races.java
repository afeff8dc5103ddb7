package org.aapf.adapter.out.persistence;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.function.IntFunction;

/** Runs the same action from several threads released at the same moment, to provoke races. */
final class Races {

    /** What one racer got: its result or the exception it threw. */
    record Outcome<T>(T result, Throwable error) {
    }

    private Races() {
    }

    static <T> List<Outcome<T>> run(int racers, IntFunction<T> action) throws InterruptedException {
        ExecutorService pool = Executors.newFixedThreadPool(racers);
        CountDownLatch start = new CountDownLatch(1);
        try {
            List<Future<T>> futures = new ArrayList<>();
            for (int i = 0; i < racers; i++) {
                int racer = i;
                futures.add(pool.submit(() -> {
                    start.await();
                    return action.apply(racer);
                }));
            }
            start.countDown();
            List<Outcome<T>> outcomes = new ArrayList<>();
            for (Future<T> future : futures) {
                outcomes.add(outcomeOf(future));
            }
            return outcomes;
        } finally {
            pool.shutdownNow();
            pool.awaitTermination(10, TimeUnit.SECONDS);
        }
    }

    private static <T> Outcome<T> outcomeOf(Future<T> future) throws InterruptedException {
        try {
            return new Outcome<>(future.get(60, TimeUnit.SECONDS), null);
        } catch (ExecutionException e) {
            return new Outcome<>(null, e.getCause());
        } catch (java.util.concurrent.TimeoutException e) {
            return new Outcome<>(null, e);
        }
    }
}

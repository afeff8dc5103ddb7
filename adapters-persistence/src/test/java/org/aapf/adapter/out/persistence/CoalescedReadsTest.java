package org.aapf.adapter.out.persistence;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.BooleanSupplier;
import java.util.function.Function;
import org.junit.jupiter.api.Test;

class CoalescedReadsTest {

    /** Rows are the keys themselves, for keys that do not start with "missing". */
    private static List<String> existing(List<String> keys) {
        return keys.stream().filter(key -> !key.startsWith("missing")).toList();
    }

    @Test
    void aCallerAloneRunsItsOwnStatement() {
        List<List<String>> statements = Collections.synchronizedList(new ArrayList<>());
        CoalescedReads<String> reads = new CoalescedReads<>(keys -> {
            statements.add(List.copyOf(keys));
            return existing(keys);
        }, Function.identity());

        assertEquals(Optional.of("a"), reads.find("a"));
        assertEquals(Optional.empty(), reads.find("missing-b"));
        assertEquals(List.of(List.of("a"), List.of("missing-b")), statements);
    }

    @Test
    void callersArrivingWhileAStatementRuns_shareTheNextOne_andEachGetsItsOwnRow() throws Exception {
        CountDownLatch firstRunning = new CountDownLatch(1);
        CountDownLatch releaseFirst = new CountDownLatch(1);
        List<List<String>> statements = Collections.synchronizedList(new ArrayList<>());
        CoalescedReads<String> reads = new CoalescedReads<>(keys -> {
            statements.add(List.copyOf(keys));
            if (keys.contains("first")) {
                firstRunning.countDown();
                await(releaseFirst);
            }
            return existing(keys);
        }, Function.identity());
        int callers = 250;
        try (ExecutorService threads = Executors.newVirtualThreadPerTaskExecutor()) {
            Future<Optional<String>> first = threads.submit(() -> reads.find("first"));
            await(firstRunning);
            List<Future<Optional<String>>> others = new ArrayList<>();
            for (int i = 0; i < callers; i++) {
                String key = (i % 5 == 0 ? "missing-" : "key-") + i;
                others.add(threads.submit(() -> reads.find(key)));
            }
            waitUntil(() -> reads.waitingCallers() == callers);
            assertEquals(1, statements.size(), "nothing else runs while the first statement does");
            releaseFirst.countDown();

            assertEquals(Optional.of("first"), first.get(10, TimeUnit.SECONDS));
            for (int i = 0; i < callers; i++) {
                Optional<String> expected = i % 5 == 0 ? Optional.empty() : Optional.of("key-" + i);
                assertEquals(expected, others.get(i).get(10, TimeUnit.SECONDS));
            }
        }
        assertEquals(List.of("first"), statements.getFirst(), "the first statement started before the others asked");
        int read = statements.stream().skip(1).mapToInt(List::size).sum();
        assertEquals(callers, read, "every other key read once, by a later statement: " + statements);
        int shared = (callers + CoalescedReads.MAX_KEYS - 1) / CoalescedReads.MAX_KEYS;
        assertEquals(1 + shared, statements.size(),
                "the waiting callers shared statements of up to " + CoalescedReads.MAX_KEYS + " keys: " + statements);
        assertTrue(statements.stream().allMatch(keys -> keys.size() <= CoalescedReads.MAX_KEYS));
    }

    @Test
    void aFailedStatementFailsEveryCallerItReadFor_andTheNextStatementRunsAgain() throws Exception {
        CountDownLatch firstRunning = new CountDownLatch(1);
        CountDownLatch releaseFirst = new CountDownLatch(1);
        IllegalStateException down = new IllegalStateException("database down");
        AtomicInteger statements = new AtomicInteger();
        CoalescedReads<String> reads = new CoalescedReads<>(keys -> {
            int n = statements.incrementAndGet();
            if (n == 1) {
                firstRunning.countDown();
                await(releaseFirst);
                throw down;
            }
            if (n == 2) {
                throw down;
            }
            return existing(keys);
        }, Function.identity());
        try (ExecutorService threads = Executors.newVirtualThreadPerTaskExecutor()) {
            Future<Optional<String>> first = threads.submit(() -> reads.find("first"));
            await(firstRunning);
            List<Future<Optional<String>>> others = new ArrayList<>();
            for (int i = 0; i < 20; i++) {
                String key = "key-" + i;
                others.add(threads.submit(() -> reads.find(key)));
            }
            waitUntil(() -> reads.waitingCallers() == 20);
            releaseFirst.countDown();

            assertSame(down, cause(first));
            for (Future<Optional<String>> other : others) {
                assertSame(down, cause(other));
            }
        }
        assertEquals(Optional.of("after"), reads.find("after"));
    }

    private static Throwable cause(Future<?> future) {
        return assertThrows(ExecutionException.class, () -> future.get(10, TimeUnit.SECONDS))
                .getCause();
    }

    private static void waitUntil(BooleanSupplier condition) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        while (!condition.getAsBoolean()) {
            assertTrue(System.nanoTime() < deadline, "timed out waiting for the callers to queue");
            Thread.sleep(5);
        }
    }

    private static void await(CountDownLatch latch) {
        try {
            assertTrue(latch.await(10, TimeUnit.SECONDS));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}

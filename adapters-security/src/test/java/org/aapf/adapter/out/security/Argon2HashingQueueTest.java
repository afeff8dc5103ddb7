package org.aapf.adapter.out.security;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import org.aapf.domain.error.AapfException;
import org.aapf.domain.error.ErrorReason;
import org.aapf.domain.user.Password;
import org.aapf.domain.user.PasswordHash;
import org.junit.jupiter.api.Test;

class Argon2HashingQueueTest {

    private static final int CALLERS = 24;

    @Test
    void whenTheQueueIsFull_furtherChecksAreRefusedAtOnceWithRetryAfter() throws Exception {
        // OWASP's cost (tens of ms per hash), so that the callers overlap
        Argon2PasswordHasher hasher = new Argon2PasswordHasher(Argon2PasswordHasher.DEFAULT_MEMORY_KIB,
                Argon2PasswordHasher.DEFAULT_ITERATIONS, 1, 1);
        PasswordHash hash = hasher.hash(new Password("user1pass"));
        AtomicInteger checked = new AtomicInteger();
        List<AapfException> refused = java.util.Collections.synchronizedList(new ArrayList<>());
        List<Long> refusalMillis = java.util.Collections.synchronizedList(new ArrayList<>());
        CountDownLatch start = new CountDownLatch(1);
        ExecutorService threads = Executors.newFixedThreadPool(CALLERS);
        try {
            List<Future<?>> futures = new ArrayList<>();
            for (int i = 0; i < CALLERS; i++) {
                futures.add(threads.submit(() -> {
                    start.await();
                    long began = System.nanoTime();
                    try {
                        hasher.verify(new Password("wrong"), hash);
                        checked.incrementAndGet();
                    } catch (AapfException e) {
                        refusalMillis.add((System.nanoTime() - began) / 1_000_000);
                        refused.add(e);
                    }
                    return null;
                }));
            }
            start.countDown();
            for (Future<?> future : futures) {
                future.get();
            }
        } finally {
            threads.shutdownNow();
        }

        assertTrue(!refused.isEmpty(), "some of " + CALLERS + " simultaneous checks are refused");
        assertTrue(!hasher.saturated(), "once the flood is over, checks are taken again");
        assertEquals(CALLERS, checked.get() + refused.size());
        for (AapfException refusal : refused) {
            assertEquals(ErrorReason.UNAVAILABLE, refusal.reason());
            assertEquals(Duration.ofSeconds(2), refusal.retryAfter().orElseThrow());
        }
        assertTrue(refusalMillis.stream().allMatch(ms -> ms < 1_000), "refused at once: " + refusalMillis);
    }
}

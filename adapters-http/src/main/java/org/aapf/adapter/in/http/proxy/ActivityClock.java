package org.aapf.adapter.in.http.proxy;

import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicLong;

/**
 * When bytes last moved in one proxied exchange, so that an idle timeout counts silence, not total duration:
 * a 50 MiB upload that keeps flowing never times out, a notebook that stops answering does.
 */
final class ActivityClock {

    private final long idleNanos;
    private volatile long lastActivity = System.nanoTime();
    private final AtomicLong bytesRead = new AtomicLong();

    ActivityClock(Duration idleTimeout) {
        this.idleNanos = idleTimeout.toNanos();
    }

    void touch() {
        lastActivity = System.nanoTime();
    }

    /** Waits for {@code future} as long as bytes keep moving; cancels it after an idle timeout. */
    <T> T await(CompletableFuture<T> future) throws ExecutionException, InterruptedException, TimeoutException {
        while (true) {
            long remaining = idleNanos - (System.nanoTime() - lastActivity);
            if (remaining <= 0) {
                future.cancel(true);
                throw new TimeoutException("idle");
            }
            try {
                return future.get(remaining, TimeUnit.NANOSECONDS);
            } catch (TimeoutException e) {
                // loop: the upload may have made progress meanwhile
            }
        }
    }

    /** Bytes read so far through {@link #counting}. */
    long bytesRead() {
        return bytesRead.get();
    }

    long idleNanos() {
        return idleNanos;
    }

    /** Wraps a request body so that each read counts as activity. */
    InputStream counting(InputStream in) {
        return new FilterInputStream(in) {
            @Override
            public int read() throws IOException {
                int b = super.read();
                touch();
                if (b >= 0) {
                    bytesRead.incrementAndGet();
                }
                return b;
            }

            @Override
            public int read(byte[] buffer, int offset, int length) throws IOException {
                int n = super.read(buffer, offset, length);
                touch();
                if (n > 0) {
                    bytesRead.addAndGet(n);
                }
                return n;
            }
        };
    }
}

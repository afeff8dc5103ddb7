package org.aapf.adapter.in.http.proxy;

import java.io.IOException;
import java.io.OutputStream;
import java.net.http.HttpTimeoutException;
import java.nio.ByteBuffer;
import java.util.List;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.Flow;
import java.util.concurrent.TimeUnit;

/**
 * Copies a notebook's response body to the client one chunk at a time: it asks the HTTP client for the next chunk
 * only once the previous one is written, so memory stays constant whatever the body size.
 */
final class StreamedBody implements Flow.Subscriber<List<ByteBuffer>> {

    private static final Object END = new Object();

    /** One chunk in flight plus the end or error signal. */
    private final BlockingQueue<Object> signals = new ArrayBlockingQueue<>(4);
    private volatile Flow.Subscription subscription;

    @Override
    public void onSubscribe(Flow.Subscription subscription) {
        this.subscription = subscription;
        subscription.request(1);
    }

    @Override
    public void onNext(List<ByteBuffer> chunk) {
        signals.add(chunk);
    }

    @Override
    public void onError(Throwable error) {
        signals.add(error);
    }

    @Override
    public void onComplete() {
        signals.add(END);
    }

    /**
     * Writes the whole body to {@code out} and returns its length; fails if the notebook sends nothing for the
     * clock's idle timeout.
     */
    long copyTo(OutputStream out, ActivityClock clock) throws IOException, InterruptedException {
        byte[] scratch = new byte[16 * 1024];
        long copied = 0;
        while (true) {
            Object signal = signals.poll(clock.idleNanos(), TimeUnit.NANOSECONDS);
            if (signal == null) {
                cancel();
                throw new HttpTimeoutException("notebook response body idle");
            }
            if (signal == END) {
                return copied;
            }
            if (signal instanceof Throwable error) {
                throw new IOException("notebook response body failed", error);
            }
            for (Object buffer : (List<?>) signal) {
                copied += write((ByteBuffer) buffer, out, scratch);
            }
            clock.touch();
            subscription.request(1);
        }
    }

    void cancel() {
        Flow.Subscription current = subscription;
        if (current != null) {
            current.cancel();
        }
    }

    private static int write(ByteBuffer buffer, OutputStream out, byte[] scratch) throws IOException {
        int length = buffer.remaining();
        while (buffer.hasRemaining()) {
            int n = Math.min(scratch.length, buffer.remaining());
            buffer.get(scratch, 0, n);
            out.write(scratch, 0, n);
        }
        return length;
    }
}

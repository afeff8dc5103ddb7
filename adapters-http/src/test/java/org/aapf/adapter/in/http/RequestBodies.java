package org.aapf.adapter.in.http;

import java.io.ByteArrayOutputStream;
import java.net.http.HttpRequest;
import java.nio.ByteBuffer;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Flow;

/** Reads back the body a {@link HttpRequest} was built with (its publisher can be subscribed to again). */
final class RequestBodies {

    private RequestBodies() {
    }

    static byte[] of(HttpRequest request) {
        return request.bodyPublisher().map(RequestBodies::collect).orElseGet(() -> new byte[0]);
    }

    private static byte[] collect(HttpRequest.BodyPublisher publisher) {
        Collector collector = new Collector();
        publisher.subscribe(collector);
        return collector.bytes.join();
    }

    private static final class Collector implements Flow.Subscriber<ByteBuffer> {

        private final ByteArrayOutputStream out = new ByteArrayOutputStream();
        private final CompletableFuture<byte[]> bytes = new CompletableFuture<>();

        @Override
        public void onSubscribe(Flow.Subscription subscription) {
            subscription.request(Long.MAX_VALUE);
        }

        @Override
        public void onNext(ByteBuffer buffer) {
            byte[] chunk = new byte[buffer.remaining()];
            buffer.get(chunk);
            out.writeBytes(chunk);
        }

        @Override
        public void onError(Throwable failure) {
            bytes.completeExceptionally(failure);
        }

        @Override
        public void onComplete() {
            bytes.complete(out.toByteArray());
        }
    }
}

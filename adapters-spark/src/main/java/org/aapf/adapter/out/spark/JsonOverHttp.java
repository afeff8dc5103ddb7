package org.aapf.adapter.out.spark;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpResponse.BodySubscriber;
import java.net.http.HttpResponse.BodySubscribers;
import java.nio.ByteBuffer;
import java.time.Duration;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Flow;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * GETs a JSON document from a service in a user's AACluster. Its owner controls what answers there (a notebook runs
 * their code and their configuration), so the whole exchange, body included, ends within the timeout, and a body
 * over {@link #MAX_BODY_BYTES} is refused as it arrives: a service that drips its answer or sends gigabytes costs
 * the caller (the idle sweep, the reconciler) one timeout, not a stalled thread or the server's heap. The JDK
 * client's own request timeout ends at the response's head only.
 */
final class JsonOverHttp {

    static final int MAX_BODY_BYTES = 4 * 1024 * 1024;
    private static final System.Logger LOG = System.getLogger(JsonOverHttp.class.getName());
    private static final ObjectMapper MAPPER = new ObjectMapper();

    private final HttpClient client;
    private final Duration timeout;

    JsonOverHttp(Duration timeout) {
        this.timeout = Objects.requireNonNull(timeout, "'timeout' must not be null");
        this.client = HttpClient.newBuilder()
                .version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(timeout)
                .proxy(HttpClient.Builder.NO_PROXY)
                .followRedirects(HttpClient.Redirect.NEVER)
                .build();
    }

    /** The document at {@code uri}, or empty when it does not answer 200 with JSON in time and within the cap. */
    Optional<JsonNode> get(URI uri, Optional<String> authorization) {
        String where = uri.getScheme() + "://" + uri.getRawAuthority() + uri.getRawPath();
        HttpRequest.Builder request = HttpRequest.newBuilder(uri).timeout(timeout).GET();
        authorization.ifPresent(value -> request.header("Authorization", value));
        CompletableFuture<HttpResponse<byte[]>> exchange = client.sendAsync(request.build(),
                info -> new CappedBody(MAX_BODY_BYTES));
        try {
            HttpResponse<byte[]> response = exchange.get(timeout.toMillis(), TimeUnit.MILLISECONDS);
            return response.statusCode() == 200 ? Optional.of(MAPPER.readTree(response.body())) : Optional.empty();
        } catch (TimeoutException e) {
            exchange.cancel(true);
            LOG.log(System.Logger.Level.DEBUG, where + " did not answer within " + timeout);
        } catch (ExecutionException | IOException e) {
            LOG.log(System.Logger.Level.DEBUG, where + " cannot be read: "
                    + (e instanceof ExecutionException ? e.getCause() : e));
        } catch (InterruptedException e) {
            exchange.cancel(true);
            Thread.currentThread().interrupt();
        }
        return Optional.empty();
    }

    /** Collects a body of at most {@code max} bytes; a longer one fails the exchange and cancels the rest. */
    private static final class CappedBody implements BodySubscriber<byte[]> {

        private final BodySubscriber<byte[]> bytes = BodySubscribers.ofByteArray();
        private final long max;
        private Flow.Subscription subscription;
        private long received;
        private boolean refused;

        CappedBody(long max) {
            this.max = max;
        }

        @Override
        public CompletionStage<byte[]> getBody() {
            return bytes.getBody();
        }

        @Override
        public void onSubscribe(Flow.Subscription subscription) {
            this.subscription = subscription;
            bytes.onSubscribe(subscription);
        }

        @Override
        public void onNext(List<ByteBuffer> buffers) {
            if (refused) {
                return;
            }
            received += buffers.stream().mapToLong(ByteBuffer::remaining).sum();
            if (received > max) {
                refused = true;
                subscription.cancel();
                bytes.onError(new IOException("the answer is longer than " + max + " bytes"));
                return;
            }
            bytes.onNext(buffers);
        }

        @Override
        public void onError(Throwable error) {
            if (!refused) {
                bytes.onError(error);
            }
        }

        @Override
        public void onComplete() {
            if (!refused) {
                bytes.onComplete();
            }
        }
    }
}

package org.aapf.adapter.in.http.proxy;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpRequest.BodyPublisher;
import java.net.http.HttpRequest.BodyPublishers;
import java.net.http.HttpResponse;
import java.net.http.HttpResponse.BodyHandlers;
import java.nio.ByteBuffer;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Flow;
import java.util.concurrent.TimeoutException;

import io.helidon.http.HeaderNames;
import io.helidon.http.Method;
import io.helidon.http.Status;
import io.helidon.webserver.http.Handler;
import io.helidon.webserver.http.ServerRequest;
import io.helidon.webserver.http.ServerResponse;
import org.aapf.application.port.out.Metrics;

/**
 * Forwards one HTTP request to the notebook and streams the answer back. Request and response bodies flow through
 * {@code java.net.http.HttpClient} chunk by chunk, never whole in memory.
 */
final class HttpForwarder implements Handler {

    private static final System.Logger LOG = System.getLogger(HttpForwarder.class.getName());

    private final ProxyAdmission admission;
    private final HttpClient client;
    private final Duration idleTimeout;
    private final Metrics metrics;

    HttpForwarder(ProxyAdmission admission, HttpClient client, Duration idleTimeout, Metrics metrics) {
        this.admission = admission;
        this.client = client;
        this.idleTimeout = idleTimeout;
        this.metrics = metrics;
    }

    @Override
    public void handle(ServerRequest request, ServerResponse response) throws InterruptedException {
        ProxyAdmission.Admitted admitted;
        HttpResponse<Flow.Publisher<List<ByteBuffer>>> upstream;
        ActivityClock clock = new ActivityClock(idleTimeout);
        try {
            admitted = admission.admit(request.prologue().uriPath().rawPath(),
                    request.headers().first(HeaderNames.ORIGIN), request.headers().first(HeaderNames.HOST));
            if (isWebSocketUpgrade(request)) {
                // An upgrade reaches HTTP routing only when no WebSocket route is registered.
                throw ProxyRefusal.unreachable();
            }
            upstream = exchange(request, admitted, clock);
        } catch (ProxyRefusal refusal) {
            Refusals.send(response, refusal);
            return;
        } finally {
            metrics.proxied(Metrics.Direction.TO_NOTEBOOK, clock.bytesRead());
        }
        long relayed = relayResponse(request, response, admitted, upstream, clock);
        metrics.proxied(Metrics.Direction.FROM_NOTEBOOK, relayed);
    }

    private HttpResponse<Flow.Publisher<List<ByteBuffer>>> exchange(ServerRequest request,
                                                                   ProxyAdmission.Admitted admitted,
                                                                   ActivityClock clock) throws InterruptedException {
        HttpRequest.Builder builder = HttpRequest.newBuilder(
                UpstreamRequests.target("http", admitted, request.prologue().query().rawValue()));
        UpstreamRequests.copyHeaders(request.headers(), admitted, forwarding(request), builder::header);
        builder.method(request.prologue().method().text(), body(request, clock));
        try {
            return clock.await(client.sendAsync(builder.build(), BodyHandlers.ofPublisher()));
        } catch (TimeoutException e) {
            LOG.log(System.Logger.Level.INFO, "Notebook {0} did not answer within the idle timeout",
                    admitted.path().proxyId());
            throw ProxyRefusal.timedOut();
        } catch (ExecutionException e) {
            LOG.log(System.Logger.Level.INFO, "Notebook {0} unreachable: {1}",
                    admitted.path().proxyId(), e.getCause().getClass().getSimpleName());
            throw ProxyRefusal.unreachable();
        }
    }

    private static BodyPublisher body(ServerRequest request, ActivityClock clock) {
        OptionalLong length = request.headers().contentLength();
        boolean chunked = request.headers().contains(HeaderNames.TRANSFER_ENCODING);
        if (!chunked && (length.isEmpty() || length.getAsLong() == 0)) {
            return BodyPublishers.noBody();
        }
        BodyPublisher stream = BodyPublishers.ofInputStream(() -> clock.counting(request.content().inputStream()));
        return chunked ? stream : BodyPublishers.fromPublisher(stream, length.getAsLong());
    }

    private static UpstreamRequests.Forwarding forwarding(ServerRequest request) {
        return new UpstreamRequests.Forwarding(Optional.ofNullable(request.remotePeer().host()),
                Optional.of(request.isSecure() ? "https" : "http"));
    }

    /** Returns the number of body bytes relayed. */
    private static long relayResponse(ServerRequest request,
                                      ServerResponse response,
                                      ProxyAdmission.Admitted admitted,
                                      HttpResponse<Flow.Publisher<List<ByteBuffer>>> upstream,
                                      ActivityClock clock) throws InterruptedException {
        StreamedBody body = new StreamedBody();
        upstream.body().subscribe(body);
        response.status(Status.create(upstream.statusCode()));
        UpstreamResponses.copyHeaders(upstream.headers(), admitted, response);
        OptionalLong length = upstream.headers().firstValueAsLong("content-length");
        if (!hasBody(request.prologue().method(), upstream.statusCode(), length)) {
            body.cancel();
            response.send();
            return 0;
        }
        length.ifPresent(response::contentLength);
        try (OutputStream out = response.outputStream()) {
            return body.copyTo(out, clock);
        } catch (IOException e) {
            body.cancel();
            LOG.log(System.Logger.Level.DEBUG, "Response from notebook {0} interrupted: {1}",
                    admitted.path().proxyId(), e.getClass().getSimpleName());
            // Failing the handler makes Helidon drop the connection, so the client sees a truncated body as such.
            throw new UncheckedIOException(new IOException("notebook response interrupted"));
        }
    }

    private static boolean hasBody(Method method, int status, OptionalLong length) {
        boolean noBodyStatus = status < 200 || status == 204 || status == 304;
        return !Method.HEAD.equals(method) && !noBodyStatus && !(length.isPresent() && length.getAsLong() == 0);
    }

    private static boolean isWebSocketUpgrade(ServerRequest request) {
        return request.headers().first(HeaderNames.UPGRADE).filter("websocket"::equalsIgnoreCase).isPresent();
    }
}

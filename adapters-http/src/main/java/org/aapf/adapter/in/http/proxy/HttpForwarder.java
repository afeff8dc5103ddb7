package org.aapf.adapter.in.http.proxy;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.SocketTimeoutException;
import java.util.Optional;
import java.util.OptionalLong;

import io.helidon.common.uri.UriInfo;
import io.helidon.common.uri.UriPath;
import io.helidon.http.HeaderNames;
import io.helidon.http.HeaderValues;
import io.helidon.http.Method;
import io.helidon.http.Status;
import io.helidon.webclient.api.ClientUri;
import io.helidon.webclient.api.HttpClientResponse;
import io.helidon.webclient.http1.Http1Client;
import io.helidon.webclient.http1.Http1ClientRequest;
import io.helidon.webserver.http.Handler;
import io.helidon.webserver.http.ServerRequest;
import io.helidon.webserver.http.ServerResponse;
import org.aapf.application.port.out.Metrics;

/**
 * Forwards one HTTP request to the notebook and streams the answer back, on the request's own (virtual) thread with
 * blocking I/O: the request body is copied to the notebook as it arrives, the response body to the client as it
 * arrives, never whole in memory. The client's read timeout is the idle timeout: it counts silence, not duration.
 */
final class HttpForwarder implements Handler {

    private static final System.Logger LOG = System.getLogger(HttpForwarder.class.getName());
    /** Bodies up to this size are read whole and sent in one write with the headers: the common small JSON answer. */
    private static final int SMALL_BODY = 64 * 1024;

    private final ProxyAdmission admission;
    private final Http1Client client;
    private final Metrics metrics;

    HttpForwarder(ProxyAdmission admission, Http1Client client, Metrics metrics) {
        this.admission = admission;
        this.client = client;
        this.metrics = metrics;
    }

    @Override
    public void handle(ServerRequest request, ServerResponse response) {
        ProxyAdmission.Admitted admitted;
        CountingInputStream uploaded = null;
        HttpClientResponse upstream;
        try {
            admitted = admission.admit(request.prologue().uriPath().rawPath(),
                    request.headers().first(HeaderNames.ORIGIN), request.headers().first(HeaderNames.HOST));
            if (UpgradeGate.isWebSocketUpgrade(request.headers())) {
                // An upgrade reaches HTTP routing only when no WebSocket route is registered.
                throw ProxyRefusal.unreachable();
            }
            Http1ClientRequest forwarded = forwardedRequest(request, admitted);
            OptionalLong length = request.headers().contentLength();
            if (hasRequestBody(request, length)) {
                length.ifPresent(value -> forwarded.headers(headers -> headers.contentLength(value)));
                uploaded = new CountingInputStream(request.content().inputStream());
                CountingInputStream body = uploaded;
                upstream = exchange(admitted, () -> forwarded.outputStream(out -> {
                    body.transferTo(out);
                    out.close();
                }));
            } else {
                upstream = exchange(admitted, forwarded::request);
            }
        } catch (ProxyRefusal refusal) {
            Refusals.send(response, refusal);
            return;
        } finally {
            metrics.proxied(Metrics.Direction.TO_NOTEBOOK, uploaded == null ? 0 : uploaded.count());
        }
        try (upstream) {
            metrics.proxied(Metrics.Direction.FROM_NOTEBOOK, relayResponse(request, response, admitted, upstream));
        }
    }

    private Http1ClientRequest forwardedRequest(ServerRequest request, ProxyAdmission.Admitted admitted) {
        UriInfo target = UriInfo.builder()
                .scheme("http")
                .host(admitted.upstream().host())
                .port(admitted.upstream().port())
                .path(UriPath.create(UpstreamRequests.requestTarget(admitted, request.prologue().query().rawValue())))
                .build();
        Http1ClientRequest forwarded = client.method(request.prologue().method()).uri(ClientUri.create(target));
        forwarded.headers(headers -> UpstreamRequests.copyHeaders(request.headers(), admitted, forwarding(request),
                (name, value) -> headers.add(HeaderValues.create(HeaderNames.create(name), value))));
        return forwarded;
    }

    private static HttpClientResponse exchange(ProxyAdmission.Admitted admitted, Exchange exchange) {
        try {
            return exchange.send();
        } catch (UncheckedIOException e) {
            if (causedBy(e, SocketTimeoutException.class)) {
                LOG.log(System.Logger.Level.INFO, "Notebook {0} did not answer within the idle timeout",
                        admitted.path().proxyId());
                throw ProxyRefusal.timedOut();
            }
            LOG.log(System.Logger.Level.INFO, "Notebook {0} unreachable: {1}", admitted.path().proxyId(),
                    rootCause(e).getClass().getSimpleName());
            throw ProxyRefusal.unreachable();
        } catch (IllegalStateException | IllegalArgumentException e) {
            // what the client throws for an answer that is not HTTP/1.1 (a wrong port, a crashed notebook)
            LOG.log(System.Logger.Level.INFO, "Notebook {0} gave no valid answer: {1}", admitted.path().proxyId(),
                    e.getClass().getSimpleName());
            throw ProxyRefusal.unreachable();
        }
    }

    private static UpstreamRequests.Forwarding forwarding(ServerRequest request) {
        return new UpstreamRequests.Forwarding(Optional.ofNullable(request.remotePeer().host()),
                Optional.of(request.isSecure() ? "https" : "http"));
    }

    /** Returns the number of body bytes relayed. */
    private static long relayResponse(ServerRequest request, ServerResponse response,
                                      ProxyAdmission.Admitted admitted, HttpClientResponse upstream) {
        int status = upstream.status().code();
        response.status(Status.create(status));
        UpstreamResponses.copyHeaders(upstream.headers(), admitted, response);
        OptionalLong length = upstream.headers().contentLength();
        if (!hasResponseBody(request.prologue().method(), status, length)) {
            response.send();
            return 0;
        }
        try (InputStream in = upstream.inputStream()) {
            if (length.isPresent() && length.getAsLong() <= SMALL_BODY) {
                byte[] body = in.readNBytes((int) length.getAsLong());
                response.send(body);
                return body.length;
            }
            length.ifPresent(response::contentLength);
            try (OutputStream out = response.outputStream()) {
                return in.transferTo(out);
            }
        } catch (IOException | UncheckedIOException e) {
            LOG.log(System.Logger.Level.DEBUG, "Response from notebook {0} interrupted: {1}",
                    admitted.path().proxyId(), rootCause(e).getClass().getSimpleName());
            // Failing the handler makes Helidon drop the connection, so the client sees a truncated body as such.
            throw new UncheckedIOException(new IOException("notebook response interrupted"));
        }
    }

    private static boolean hasRequestBody(ServerRequest request, OptionalLong length) {
        return request.headers().contains(HeaderNames.TRANSFER_ENCODING)
                || (length.isPresent() && length.getAsLong() > 0);
    }

    private static boolean hasResponseBody(Method method, int status, OptionalLong length) {
        boolean noBodyStatus = status < 200 || status == 204 || status == 304;
        return !Method.HEAD.equals(method) && !noBodyStatus && !(length.isPresent() && length.getAsLong() == 0);
    }

    private static boolean causedBy(Throwable error, Class<? extends Throwable> type) {
        for (Throwable cause = error; cause != null; cause = cause.getCause()) {
            if (type.isInstance(cause)) {
                return true;
            }
        }
        return false;
    }

    private static Throwable rootCause(Throwable error) {
        Throwable cause = error;
        while (cause.getCause() != null) {
            cause = cause.getCause();
        }
        return cause;
    }

    /** Sends the request to the notebook and returns once its response headers are in. */
    @FunctionalInterface
    private interface Exchange {
        HttpClientResponse send();
    }
}

package org.aapf.adapter.in.http.proxy;

import java.io.IOException;
import java.io.InputStream;
import java.io.InterruptedIOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.ConnectException;
import java.net.NoRouteToHostException;
import java.net.SocketTimeoutException;
import java.net.UnknownHostException;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.Set;

import io.helidon.http.HeaderName;
import io.helidon.http.HeaderNames;
import io.helidon.http.Method;
import io.helidon.http.Status;
import io.helidon.webserver.CloseConnectionException;
import io.helidon.webserver.http.Handler;
import io.helidon.webserver.http.ServerRequest;
import io.helidon.webserver.http.ServerResponse;
import org.aapf.adapter.in.http.FrontPeer;
import org.aapf.adapter.in.http.Metrics;
import org.apache.hc.core5.http.ClassicHttpResponse;
import org.apache.hc.core5.http.ConnectionRequestTimeoutException;
import org.apache.hc.core5.http.HttpEntity;
import org.apache.hc.core5.http.HttpException;
import org.apache.hc.core5.http.HttpHost;
import org.apache.hc.core5.http.io.EofSensorInputStream;
import org.apache.hc.core5.http.io.entity.InputStreamEntity;
import org.apache.hc.core5.http.message.BasicClassicHttpRequest;
import org.apache.hc.core5.net.URIAuthority;

/**
 * Forwards one HTTP request to the notebook and streams the answer back, on the request's own (virtual) thread with
 * blocking I/O: the request body is copied to the notebook as it arrives, the response body to the client as it
 * arrives, never whole in memory. The idle timeout counts silence on the notebook connection, not duration
 * ({@link WatchedConnection}).
 */
final class HttpForwarder implements Handler {

    private static final System.Logger LOG = System.getLogger(HttpForwarder.class.getName());
    /** Bodies up to this size are read whole and sent in one write with the headers: the common small JSON answer. */
    static final int SMALL_BODY = 64 * 1024;
    private static final HeaderName SEC_FETCH_MODE = HeaderNames.create("Sec-Fetch-Mode");
    private static final HeaderName CONTENT_SECURITY_POLICY = HeaderNames.create("Content-Security-Policy");
    /** Safe to send twice (RFC 9110 §9.2.2) when a kept-alive connection turns out closed before any answer. */
    static final Set<String> IDEMPOTENT = Set.of("GET", "HEAD", "OPTIONS", "TRACE", "DELETE");

    private final ProxyAdmission admission;
    private final NotebookConnections notebooks;
    private final Metrics metrics;

    HttpForwarder(ProxyAdmission admission, NotebookConnections notebooks, Metrics metrics) {
        this.admission = admission;
        this.notebooks = notebooks;
        this.metrics = metrics;
    }

    @Override
    public void handle(ServerRequest request, ServerResponse response) {
        ProxyAdmission.Admitted admitted;
        CountingInputStream uploaded = null;
        ClassicHttpResponse upstream;
        Optional<String> host = request.headers().first(HeaderNames.HOST);
        Site site = admission.site(host, false);
        try {
            String rawPath = request.prologue().uriPath().rawPath();
            ProxyPath path = admission.vet(rawPath, request.headers().first(HeaderNames.ORIGIN), host, site);
            String rawQuery = request.prologue().query().rawValue();
            Optional<String> redirect = admission.redirect(site, path,
                    rawQuery.isEmpty() ? rawPath : rawPath + "?" + rawQuery, request.prologue().method().text(),
                    new ProxyAdmission.BrowserHeaders(host, request.headers().first(SEC_FETCH_MODE),
                            request.headers().first(HeaderNames.ACCEPT),
                            request.headers().first(HeaderNames.X_FORWARDED_PROTO)));
            if (redirect.isPresent()) {
                Refusals.redirect(response, redirect.get());
                return;
            }
            admitted = admission.resolve(path);
            if (UpgradeGate.isWebSocketUpgrade(request.headers())) {
                // An upgrade reaches HTTP routing only when no WebSocket route is registered.
                throw ProxyRefusal.unreachable();
            }
            BasicClassicHttpRequest forwarded = forwardedRequest(request, admitted);
            // A body as the client framed it: chunked stays chunked, a Content-Length (0 included) is kept.
            boolean chunked = request.headers().contains(HeaderNames.TRANSFER_ENCODING);
            OptionalLong length = request.headers().contentLength();
            if (chunked || length.isPresent()) {
                uploaded = new CountingInputStream(request.content().inputStream());
                forwarded.setEntity(new InputStreamEntity(uploaded, chunked ? -1 : length.getAsLong(), null));
            }
            upstream = exchange(admitted, forwarded, !chunked && length.orElse(0) == 0);
        } catch (ProxyRefusal refusal) {
            Refusals.send(response, refusal);
            return;
        } finally {
            metrics.proxied(Metrics.Direction.TO_NOTEBOOK, uploaded == null ? 0 : uploaded.count());
        }
        try (upstream) {
            metrics.proxied(Metrics.Direction.FROM_NOTEBOOK,
                    relayResponse(request, response, admitted, upstream, site.isAapf()));
        } catch (ProxyRefusal refusal) {
            Refusals.send(response, refusal); // a small body that failed midway: nothing was sent yet
        } catch (IOException e) {
            // closing a response whose body was not read to its end: the connection is dropped, nothing to tell
            LOG.log(System.Logger.Level.DEBUG, "Closing the response of notebook {0}: {1}",
                    admitted.path().proxyId(), e.getClass().getSimpleName());
        }
    }

    private static BasicClassicHttpRequest forwardedRequest(ServerRequest request, ProxyAdmission.Admitted admitted) {
        BasicClassicHttpRequest forwarded = new BasicClassicHttpRequest(request.prologue().method().text(), "http",
                new URIAuthority(admitted.upstream().host(), admitted.upstream().port()),
                UpstreamRequests.requestTarget(admitted, request.prologue().query().rawValue()));
        forwarded.addHeader("Host", admitted.hostPort());
        UpstreamRequests.copyHeaders(request.headers(), admitted, forwarding(request), forwarded::addHeader);
        return forwarded;
    }

    /**
     * Sends the request and returns once the notebook's response headers are in. A request without a body whose
     * method is idempotent is sent once more when the connection it went out on was found closed before any answer
     * (a notebook that restarted, or dropped a kept-alive connection, while it sat in the pool).
     */
    private ClassicHttpResponse exchange(ProxyAdmission.Admitted admitted, BasicClassicHttpRequest forwarded,
                                         boolean bodiless) {
        HttpHost notebook = new HttpHost("http", admitted.upstream().host(), admitted.upstream().port());
        boolean retry = bodiless && IDEMPOTENT.contains(forwarded.getMethod());
        while (true) {
            try {
                return notebooks.exchange(notebook, forwarded);
            } catch (IOException e) {
                if (retry && closedBeforeAnswer(e)) {
                    retry = false;
                    continue;
                }
                throw refusal(admitted, e);
            } catch (HttpException e) {
                // what HttpCore throws for an answer that is not HTTP/1.1 (a wrong port, a crashed notebook)
                LOG.log(System.Logger.Level.INFO, "Notebook {0} gave no valid answer: {1}",
                        admitted.path().proxyId(), e.getClass().getSimpleName());
                throw ProxyRefusal.unreachable();
            }
        }
    }

    private static boolean closedBeforeAnswer(IOException e) {
        return !(e instanceof InterruptedIOException) && !(e instanceof ConnectException)
                && !(e instanceof NoRouteToHostException) && !(e instanceof UnknownHostException);
    }

    private static ProxyRefusal refusal(ProxyAdmission.Admitted admitted, IOException e) {
        if (e instanceof SocketTimeoutException) {
            LOG.log(System.Logger.Level.INFO, "Notebook {0} did not answer within the timeout",
                    admitted.path().proxyId());
            return ProxyRefusal.timedOut();
        }
        if (e instanceof ConnectionRequestTimeoutException) {
            LOG.log(System.Logger.Level.WARNING, "Notebook {0}: every connection to it stayed busy",
                    admitted.path().proxyId());
            return ProxyRefusal.timedOut();
        }
        LOG.log(System.Logger.Level.INFO, "Notebook {0} unreachable: {1}", admitted.path().proxyId(),
                e.getClass().getSimpleName());
        return ProxyRefusal.unreachable();
    }

    private static UpstreamRequests.Forwarding forwarding(ServerRequest request) {
        return new UpstreamRequests.Forwarding(Optional.ofNullable(FrontPeer.address(request)),
                Optional.of(request.isSecure() ? "https" : "http"));
    }

    /**
     * Returns the number of body bytes relayed. A small body is read whole before anything goes to the client, so a
     * notebook that fails midway through it is refused ({@link ProxyRefusal}) like one that never answered.
     */
    private static long relayResponse(ServerRequest request, ServerResponse response,
                                      ProxyAdmission.Admitted admitted, ClassicHttpResponse upstream,
                                      boolean sandboxed) {
        int status = upstream.getCode();
        HttpEntity entity = upstream.getEntity();
        long length = entity == null ? 0 : entity.getContentLength();
        if (entity == null || !hasResponseBody(request.prologue().method(), status, length)) {
            relayHead(response, admitted, upstream, sandboxed);
            response.send();
            return 0;
        }
        if (length >= 0 && length <= SMALL_BODY) {
            byte[] body = readSmallBody(entity, (int) length, admitted);
            relayHead(response, admitted, upstream, sandboxed);
            response.send(body);
            return body.length;
        }
        relayHead(response, admitted, upstream, sandboxed);
        InputStream in = null;
        try {
            in = entity.getContent();
            long relayed;
            if (length >= 0) {
                response.contentLength(length);
            }
            try (OutputStream out = response.outputStream()) {
                relayed = in.transferTo(out);
            }
            in.close(); // at the body's end: the connection goes back to the pool
            return relayed;
        } catch (IOException | UncheckedIOException e) {
            abort(in);
            LOG.log(System.Logger.Level.DEBUG, "Response from notebook {0} interrupted: {1}",
                    admitted.path().proxyId(), e.getClass().getSimpleName());
            // Helidon drops the connection (quietly: this is the notebook's or the client's doing, not a server
            // error), so the client sees a truncated body as such.
            throw new CloseConnectionException("notebook response interrupted", e);
        }
    }

    private static void relayHead(ServerResponse response, ProxyAdmission.Admitted admitted,
                                  ClassicHttpResponse upstream, boolean sandboxed) {
        response.status(Status.create(upstream.getCode()));
        UpstreamResponses.copyHeaders(upstream, admitted, response);
        if (sandboxed) {
            response.headers().add(CONTENT_SECURITY_POLICY, NotebookOrigins.AAPF_ORIGIN_POLICY);
        }
    }

    private static byte[] readSmallBody(HttpEntity entity, int length, ProxyAdmission.Admitted admitted) {
        InputStream in = null;
        try {
            in = entity.getContent();
            byte[] body = in.readNBytes(length);
            in.close(); // at the body's end: the connection goes back to the pool
            return body;
        } catch (IOException e) {
            abort(in);
            throw refusal(admitted, e);
        }
    }

    /** Drops the notebook connection of a body not read to its end, rather than reading the rest first. */
    private static void abort(InputStream in) {
        if (in instanceof EofSensorInputStream sensor) {
            try {
                sensor.abort();
            } catch (IOException e) {
                LOG.log(System.Logger.Level.DEBUG, "Dropping a notebook connection: {0}", e.getClass().getSimpleName());
            }
        }
    }

    private static boolean hasResponseBody(Method method, int status, long length) {
        boolean noBodyStatus = status < 200 || status == 204 || status == 304;
        return !Method.HEAD.equals(method) && !noBodyStatus && length != 0;
    }
}

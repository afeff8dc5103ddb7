package org.aapf.adapter.in.http.proxy;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import io.netty.channel.Channel;
import io.netty.channel.ChannelFuture;
import io.netty.channel.ChannelFutureListener;
import io.netty.handler.codec.http.DefaultFullHttpResponse;
import io.netty.handler.codec.http.FullHttpResponse;
import io.netty.handler.codec.http.HttpContent;
import io.netty.handler.codec.http.HttpHeaderNames;
import io.netty.handler.codec.http.HttpHeaders;
import io.netty.handler.codec.http.HttpMethod;
import io.netty.handler.codec.http.HttpObject;
import io.netty.handler.codec.http.HttpRequest;
import io.netty.handler.codec.http.HttpResponse;
import io.netty.handler.codec.http.HttpResponseStatus;
import io.netty.handler.codec.http.HttpUtil;
import io.netty.handler.codec.http.HttpVersion;
import io.netty.handler.codec.http.LastHttpContent;
import io.netty.util.AsciiString;
import io.netty.util.ReferenceCountUtil;
import org.aapf.adapter.in.http.AccessLines;
import org.aapf.adapter.in.http.FrontPeer;
import org.aapf.adapter.in.http.Metrics;

/**
 * One request of a {@link FrontConnection} and its answer, on the connection's event loop: forwarded to a notebook
 * (admitted first: path, origin, route), relayed to the Helidon server, or answered here ({@link #answer}) with a
 * JSON refusal. The request body streams to the upstream as it comes; the answer streams back, but for a small
 * notebook answer, which is held until whole so that a notebook failing midway still gets a clean 502 or 504.
 */
final class FrontExchange implements UpstreamLink.Receiver {

    private static final System.Logger LOG = System.getLogger(FrontExchange.class.getName());
    private static final String ROUTE = NotebookProxy.PATH_PATTERN;
    private static final AsciiString SEC_FETCH_MODE = AsciiString.cached("sec-fetch-mode");
    private static final AsciiString X_FORWARDED_PROTO = AsciiString.cached("x-forwarded-proto");
    private static final AsciiString CONTENT_SECURITY_POLICY = AsciiString.cached("content-security-policy");

    private final FrontConnection connection;
    private final FrontContext front;
    private final Channel client;

    private final HttpRequest request;
    private final boolean notebook;
    private final Site site;
    private final long started = System.nanoTime();
    private boolean keepAlive;
    private String requestId;
    private ProxyAdmission.Admitted admitted;
    private NotebookChannels.Endpoint endpoint;
    private HttpRequest forwarded;
    private Channel upstream;
    private boolean reused;
    private boolean retried;
    private boolean waiting;
    private List<HttpContent> pending;
    private boolean requestComplete;
    private boolean answered;
    private boolean responseStarted;
    private boolean informational;
    private boolean switching;
    private boolean done;
    private int status;
    private long bytesUp;
    private long bytesDown;
    /** The notebook said {@code Connection: close}: its connection does not go back to the pool. */
    private boolean forwardedNotReusable;
    private ChannelFuture answerWrite;
    /** A small answer is held until whole, so that a notebook failing midway gets a clean 502 or 504. */
    private HttpResponse heldHead;
    private List<HttpContent> heldParts;

    FrontExchange(FrontConnection connection, HttpRequest request, boolean notebook, Site site) {
        this.connection = connection;
        this.front = connection.front();
        this.client = connection.client();
        this.request = request;
        this.notebook = notebook;
        this.site = site;
        this.keepAlive = HttpUtil.isKeepAlive(request);
    }

    boolean requestComplete() {
        return requestComplete;
    }

    boolean keepAlive() {
        return keepAlive;
    }

    /** The notebook or Helidon connection the exchange is on, or null. */
    Channel upstream() {
        return upstream;
    }

    /** While the request's body is still coming: whether to read more of it now. */
    boolean wantsRequestBytes() {
        return !waiting && (upstream == null ? answered : upstream.isWritable());
    }

    // -- to a notebook

    void admit() {
        requestId = AccessLines.requestId(request.headers().get(AccessLines.REQUEST_ID_HEADER));
        String target = request.uri();
        int query = target.indexOf('?');
        ProxyPath path;
        Optional<String> redirect;
        try {
            HttpHeaders headers = request.headers();
            Optional<String> host = Optional.ofNullable(headers.get(HttpHeaderNames.HOST));
            path = front.admission().vet(query < 0 ? target : target.substring(0, query),
                    Optional.ofNullable(headers.get(HttpHeaderNames.ORIGIN)), host, site);
            redirect = front.admission().redirect(site, path, target, request.method().name(),
                    new ProxyAdmission.BrowserHeaders(host, Optional.ofNullable(headers.get(SEC_FETCH_MODE)),
                            Optional.ofNullable(headers.get(HttpHeaderNames.ACCEPT)),
                            Optional.ofNullable(headers.get(X_FORWARDED_PROTO))));
        } catch (ProxyRefusal refusal) {
            answer(refusal);
            return;
        }
        if (redirect.isPresent()) {
            status = HttpResponseStatus.TEMPORARY_REDIRECT.code();
            answer(NotebookMessages.redirect(redirect.get(), requestId, keepAliveAfterAnswer()));
            return;
        }
        Optional<ProxyAdmission.Admitted> known = front.admission().remembered(path);
        if (known.isPresent()) {
            forward(known.get());
            return;
        }
        // a lookup may ask the database and the backend: never on the event loop
        waiting = true;
        connection.updateReading();
        front.lookups().execute(() -> {
            ProxyAdmission.Admitted found = null;
            ProxyRefusal refusal = null;
            try {
                found = front.admission().resolve(path);
            } catch (ProxyRefusal r) {
                refusal = r;
            } catch (RuntimeException e) {
                LOG.log(System.Logger.Level.WARNING, "Cannot look up notebook {0}: {1}", path.proxyId(),
                        e.toString());
                refusal = ProxyRefusal.lookupFailed();
            }
            ProxyAdmission.Admitted admittedRoute = found;
            ProxyRefusal refused = refusal;
            client.eventLoop().execute(() -> {
                waiting = false;
                if (done) {
                    return;
                }
                if (admittedRoute != null) {
                    forward(admittedRoute);
                } else {
                    answer(refused);
                }
                connection.updateReading();
            });
        });
    }

    private void forward(ProxyAdmission.Admitted route) {
        admitted = route;
        endpoint = new NotebookChannels.Endpoint(route.upstream().host(), route.upstream().port());
        forwarded = NotebookMessages.request(request, admitted, connection.clientAddress());
        Channel idle = front.notebooks().poll(client.eventLoop(), endpoint);
        if (idle != null) {
            attach(idle, true);
        } else {
            connect(front.notebooks().connect(client.eventLoop(), endpoint));
        }
    }

    // -- to the Helidon server

    void toBackend() {
        String target = request.uri();
        if (target.startsWith(ProxyPath.PREFIX)) {
            // a notebook WebSocket: the origin rule is applied here, where notebook origins are known (Helidon's
            // upgrader knows one allow-list only), and the upgrade goes on without the browser's Origin
            requestId = AccessLines.requestId(request.headers().get(AccessLines.REQUEST_ID_HEADER));
            int query = target.indexOf('?');
            try {
                front.admission().vet(query < 0 ? target : target.substring(0, query),
                        Optional.ofNullable(request.headers().get(HttpHeaderNames.ORIGIN)),
                        Optional.ofNullable(request.headers().get(HttpHeaderNames.HOST)), site);
            } catch (ProxyRefusal refusal) {
                answer(refusal);
                return;
            }
            if (request.headers().contains(HttpHeaderNames.ORIGIN)) {
                request.headers().remove(HttpHeaderNames.ORIGIN);
                request.headers().set(FrontPeer.ORIGIN_CHECKED_HEADER, FrontPeer.originCheckedValue());
            }
        }
        request.headers().set(FrontPeer.HEADER, FrontPeer.headerValue(connection.clientAddress()));
        forwarded = request;
        Channel pinned = connection.pinnedBackend();
        if (pinned != null) {
            attach(pinned, true);
        } else {
            connect(front.connectToBackend(client.eventLoop(), connection::backendClosed));
        }
    }

    // -- the upstream connection

    private void connect(ChannelFuture connecting) {
        waiting = true;
        connection.updateReading();
        connecting.addListener((ChannelFutureListener) future -> {
            waiting = false;
            if (done) {
                future.channel().close();
                return;
            }
            if (future.isSuccess()) {
                if (!notebook) {
                    connection.pin(future.channel());
                }
                attach(future.channel(), false);
            } else {
                LOG.log(System.Logger.Level.INFO, "{0} unreachable: {1}", who(),
                        future.cause().getClass().getSimpleName());
                answer(notebook ? ProxyRefusal.unreachable() : ProxyRefusal.serverUnavailable());
            }
            connection.updateReading();
        });
    }

    private void attach(Channel channel, boolean fromPool) {
        upstream = channel;
        reused = fromPool;
        channel.pipeline().get(UpstreamLink.class).bind(this);
        channel.config().setAutoRead(client.isWritable());
        channel.write(forwarded);
        if (notebook && HttpUtil.is100ContinueExpected(request) && !requestComplete) {
            client.writeAndFlush(new DefaultFullHttpResponse(HttpVersion.HTTP_1_1, HttpResponseStatus.CONTINUE));
        }
        if (retried) {
            channel.write(LastHttpContent.EMPTY_LAST_CONTENT); // a retry is of a request without a body
        }
        if (pending != null) {
            pending.forEach(channel::write);
            pending = null;
        }
        if (requestComplete || !bodyless()) {
            channel.flush(); // else the head leaves with the end of the request, a moment later
        }
        connection.updateReading();
    }

    void requestContent(HttpContent content) {
        if (content.decoderResult().isFailure()) {
            content.release();
            abort("a malformed request body");
            return;
        }
        boolean last = content instanceof LastHttpContent;
        requestComplete = last;
        if (answered && upstream == null) {
            content.release(); // the body of a request answered here: read and dropped
            if (last) {
                answerWritten();
            }
            return;
        }
        bytesUp += content.content().readableBytes();
        if (upstream == null) {
            if (pending == null) {
                pending = new ArrayList<>(2);
            }
            pending.add(content);
        } else {
            upstream.writeAndFlush(content);
        }
        connection.updateReading();
    }

    @Override
    public void upstreamRead(Object message) {
        if (message instanceof HttpObject object && object.decoderResult().isFailure()) {
            ReferenceCountUtil.release(message);
            LOG.log(System.Logger.Level.INFO, "{0} gave no valid answer: {1}", who(),
                    object.decoderResult().cause().getClass().getSimpleName());
            upstream.close(); // upstreamLost follows
            return;
        }
        if (message instanceof HttpResponse response) {
            responseHead(response);
        }
        if (message instanceof HttpContent content) {
            responseContent(content);
        } else if (!(message instanceof HttpResponse)) {
            ReferenceCountUtil.release(message);
        }
    }

    private void responseHead(HttpResponse response) {
        int code = response.status().code();
        if (code == 101 && !notebook) {
            switching = true;
        } else if (code >= 100 && code < 200) {
            informational = true;
            client.write(response);
            return;
        }
        status = code;
        if (notebook) {
            forwardedNotReusable = !HttpUtil.isKeepAlive(response);
            keepAlive = NotebookMessages.shapeResponse(response, request, admitted, requestId, keepAlive);
            if (site.isAapf()) {
                response.headers().add(CONTENT_SECURITY_POLICY, NotebookOrigins.AAPF_ORIGIN_POLICY);
            }
            long length = HttpUtil.getContentLength(response, -1L);
            if (length > 0 && length <= HttpForwarder.SMALL_BODY && !HttpMethod.HEAD.equals(request.method())) {
                heldHead = response;
                heldParts = new ArrayList<>(2);
                return;
            }
        } else if (!HttpUtil.isKeepAlive(response)) {
            keepAlive = false;
        }
        responseStarted = true;
        client.write(response);
    }

    private void responseContent(HttpContent content) {
        boolean last = content instanceof LastHttpContent;
        if (informational) {
            informational = !last;
            client.write(content);
            return;
        }
        bytesDown += content.content().readableBytes();
        if (heldHead != null) {
            heldParts.add(content);
            if (!last) {
                return;
            }
            responseStarted = true;
            client.write(heldHead);
            heldHead = null;
            for (int i = 0; i < heldParts.size() - 1; i++) {
                client.write(heldParts.get(i));
            }
            heldParts = null;
        }
        if (!last) {
            client.write(content);
            if (!client.isWritable()) {
                upstream.config().setAutoRead(false);
            }
            return;
        }
        ChannelFuture lastWrite = client.writeAndFlush(content);
        if (switching) {
            done = true;
            connection.switchProtocols(this);
            return;
        }
        complete(lastWrite);
    }

    private void complete(ChannelFuture lastWrite) {
        done = true;
        Channel used = upstream;
        upstream = null;
        if (notebook) {
            if (requestComplete && !forwardedNotReusable) {
                front.notebooks().offer(endpoint, used);
            } else {
                used.pipeline().get(UpstreamLink.class).unbind();
                used.close();
            }
            logged();
        } else {
            used.pipeline().get(UpstreamLink.class).unbind();
            if (!requestComplete) {
                used.close();
            }
        }
        connection.finished(this, lastWrite);
    }

    @Override
    public void upstreamReadComplete() {
        client.flush();
    }

    @Override
    public void upstreamWritabilityChanged(boolean writable) {
        connection.updateReading();
    }

    private void dropHeldAnswer() {
        if (heldParts != null) {
            heldParts.forEach(ReferenceCountUtil::release);
            heldParts = null;
        }
        heldHead = null;
    }

    @Override
    public void upstreamLost(boolean timedOut) {
        if (done) {
            return;
        }
        dropHeldAnswer();
        Channel lost = upstream;
        upstream = null;
        if (!notebook) {
            connection.unpin(lost);
        }
        if (responseStarted || informational) {
            // part of the answer went out already: the client can only see the cut as a closed connection
            done = true;
            if (notebook) {
                logged();
            }
            client.close();
            connection.forget(this);
            return;
        }
        if (reused && !retried && !timedOut && retryable()) {
            // a kept-alive connection closed by the other side just as the request went out on it
            retried = true;
            connect(notebook ? front.notebooks().connect(client.eventLoop(), endpoint)
                    : front.connectToBackend(client.eventLoop(), connection::backendClosed));
            return;
        }
        if (timedOut) {
            LOG.log(System.Logger.Level.INFO, "{0} did not answer within the timeout", who());
        } else {
            LOG.log(System.Logger.Level.INFO, "{0} closed the connection before answering", who());
        }
        keepAlive = false;
        answer(timedOut ? ProxyRefusal.timedOut() : notebook ? ProxyRefusal.unreachable()
                : ProxyRefusal.serverUnavailable());
    }

    private boolean retryable() {
        return requestComplete && bytesUp == 0 && HttpForwarder.IDEMPOTENT.contains(request.method().name())
                && bodyless();
    }

    // -- answered here

    void answer(ProxyRefusal refusal) {
        status = refusal.status();
        answer(NotebookMessages.refusal(refusal, requestId, keepAliveAfterAnswer()));
    }

    /** Whether the connection can go on after an answer given here (the status is set already). */
    private boolean keepAliveAfterAnswer() {
        if (request.decoderResult().isFailure() || !requestComplete && !bodyless()) {
            // a request that is not HTTP, or a body not read yet: the connection cannot go on
            keepAlive = false;
        }
        return keepAlive;
    }

    private void answer(FullHttpResponse response) {
        answered = true;
        dropUpstream();
        responseStarted = true;
        answerWrite = client.writeAndFlush(response);
        if (requestComplete || !keepAlive) {
            answerWritten();
        }
    }

    private boolean bodyless() {
        return !HttpUtil.isTransferEncodingChunked(request) && HttpUtil.getContentLength(request, 0L) == 0;
    }

    private void answerWritten() {
        if (done) {
            return;
        }
        done = true;
        logged();
        connection.finished(this, answerWrite);
    }

    void abort(String why) {
        LOG.log(System.Logger.Level.DEBUG, "Dropping a front connection: {0}", why);
        clientGone();
        client.close();
    }

    /** Closes the notebook or Helidon connection mid-exchange and drops what was waiting to go out on it. */
    private void dropUpstream() {
        if (upstream != null) {
            upstream.pipeline().get(UpstreamLink.class).unbind();
            upstream.close();
            upstream = null;
        }
        if (pending != null) {
            pending.forEach(ReferenceCountUtil::release);
            pending = null;
        }
    }

    void clientGone() {
        if (done) {
            return;
        }
        done = true;
        dropHeldAnswer();
        dropUpstream();
        if (notebook) {
            logged();
        }
        connection.forget(this);
    }

    private void logged() {
        if (requestId == null) {
            return;
        }
        Metrics metrics = front.metrics();
        metrics.proxied(Metrics.Direction.TO_NOTEBOOK, bytesUp);
        metrics.proxied(Metrics.Direction.FROM_NOTEBOOK, bytesDown);
        AccessLines.log(metrics, request.method().name(), ROUTE, status == 0 ? 499 : status,
                Duration.ofNanos(System.nanoTime() - started), "-", requestId);
    }

    private String who() {
        return notebook ? "Notebook " + (admitted == null ? "?" : admitted.path().proxyId()) : "The API server";
    }
}

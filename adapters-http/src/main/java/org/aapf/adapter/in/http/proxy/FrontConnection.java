package org.aapf.adapter.in.http.proxy;

import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.BiConsumer;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import io.netty.channel.Channel;
import io.netty.channel.ChannelFuture;
import io.netty.channel.ChannelFutureListener;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import io.netty.handler.codec.TooLongFrameException;
import io.netty.handler.codec.http.DefaultFullHttpResponse;
import io.netty.handler.codec.http.DefaultHttpHeaders;
import io.netty.handler.codec.http.DefaultHttpRequest;
import io.netty.handler.codec.http.HttpClientCodec;
import io.netty.handler.codec.http.HttpContent;
import io.netty.handler.codec.http.HttpHeaderNames;
import io.netty.handler.codec.http.HttpHeaderValues;
import io.netty.handler.codec.http.HttpHeaders;
import io.netty.handler.codec.http.HttpMethod;
import io.netty.handler.codec.http.HttpObject;
import io.netty.handler.codec.http.HttpRequest;
import io.netty.handler.codec.http.HttpResponse;
import io.netty.handler.codec.http.HttpResponseStatus;
import io.netty.handler.codec.http.HttpServerCodec;
import io.netty.handler.codec.http.HttpUtil;
import io.netty.handler.codec.http.HttpVersion;
import io.netty.handler.codec.http.LastHttpContent;
import io.netty.handler.codec.http.TooLongHttpHeaderException;
import io.netty.handler.codec.http.TooLongHttpLineException;
import io.netty.channel.socket.ChannelInputShutdownEvent;
import io.netty.handler.timeout.IdleStateEvent;
import io.netty.handler.timeout.IdleStateHandler;
import io.netty.util.ReferenceCountUtil;
import org.aapf.adapter.in.http.AccessLines;
import org.aapf.adapter.in.http.FrontPeer;
import org.aapf.application.port.out.Metrics;

/**
 * One client connection of the front listener, on its event loop. Requests are answered one at a time, in order (a
 * pipelined request waits, unread, until the one before it is answered). A notebook request ({@code /proxy/...},
 * not a WebSocket upgrade) is forwarded to the notebook on a pooled connection of the same event loop; any other
 * request goes, unchanged but for {@link FrontPeer}'s header, to the Helidon server on a connection pinned to this
 * one, and after Helidon switches protocols (a WebSocket) the bytes are relayed as they are. Bodies stream both ways
 * with back-pressure: a side that cannot take more stops the other side's reads.
 */
final class FrontConnection extends ChannelInboundHandlerAdapter {

    private static final System.Logger LOG = System.getLogger(FrontConnection.class.getName());
    static final String ROUTE = NotebookProxy.PATH_PATTERN;

    private final FrontContext front;
    private Channel client;
    private String clientAddress;
    private Exchange exchange;
    /** The messages of pipelined requests, held until the request before them is answered. */
    private final ArrayDeque<Object> held = new ArrayDeque<>();
    private Channel backend;
    private boolean upgraded;
    private boolean closing;

    FrontConnection(FrontContext front) {
        this.front = front;
    }

    // ---- the client side ----------------------------------------------------------------------------------------

    @Override
    public void channelActive(ChannelHandlerContext ctx) {
        client = ctx.channel();
        clientAddress = client.remoteAddress() instanceof InetSocketAddress address && address.getAddress() != null
                ? address.getAddress().getHostAddress() : String.valueOf(client.remoteAddress());
        ctx.fireChannelActive();
    }

    @Override
    public void channelRead(ChannelHandlerContext ctx, Object msg) {
        if (upgraded) {
            relayUpgraded(msg);
        } else if (exchange != null && exchange.requestComplete || !held.isEmpty()) {
            held.add(msg);
            updateReading();
        } else {
            receive(msg);
        }
    }

    private void receive(Object msg) {
        if (msg instanceof HttpRequest request) {
            start(request);
        } else if (msg instanceof HttpContent content && exchange != null) {
            exchange.requestContent(content);
        } else {
            ReferenceCountUtil.release(msg);
        }
    }

    @Override
    public void channelWritabilityChanged(ChannelHandlerContext ctx) {
        Channel upstream = upgraded ? backend : exchange == null ? null : exchange.upstream;
        if (upstream != null) {
            upstream.config().setAutoRead(client.isWritable());
        }
        ctx.fireChannelWritabilityChanged();
    }

    @Override
    public void userEventTriggered(ChannelHandlerContext ctx, Object evt) {
        if (evt instanceof IdleStateEvent) {
            if (exchange == null && !upgraded) {
                client.close(); // a kept-alive connection nobody used for the client idle timeout
            }
        } else if (evt instanceof ChannelInputShutdownEvent) {
            // the client sent all it will (a half-close): answer what it asked, then end the connection
            closeWhenIdle();
        } else {
            ctx.fireUserEventTriggered(evt);
        }
    }

    @Override
    public void channelInactive(ChannelHandlerContext ctx) {
        if (exchange != null) {
            exchange.clientGone();
        }
        if (backend != null) {
            backend.close();
        }
        held.forEach(ReferenceCountUtil::release);
        held.clear();
    }

    @Override
    public void exceptionCaught(ChannelHandlerContext ctx, Throwable cause) {
        LOG.log(System.Logger.Level.DEBUG, "Front connection dropped: {0}", cause.getClass().getSimpleName());
        ctx.close();
    }

    /** Stops reading the client while a request waits, its upstream is busy or full, or a lookup is under way. */
    private void updateReading() {
        boolean read = held.isEmpty() && (exchange == null || exchange.requestComplete || exchange.wantsRequestBytes());
        if (client.config().isAutoRead() != read) {
            client.config().setAutoRead(read);
        }
    }

    /** Ends the connection after what was written so far, or right away when the server shuts down idle. */
    void closeWhenIdle() {
        closing = true;
        if (exchange == null && held.isEmpty() || upgraded) {
            client.close();
        }
    }

    private void start(HttpRequest request) {
        if (request.decoderResult().isFailure()) {
            exchange = new Exchange(request, false);
            exchange.answer(malformed(request.decoderResult().cause()));
            return;
        }
        boolean notebook = request.uri().startsWith(ProxyPath.PREFIX) && !isUpgrade(request.headers());
        exchange = new Exchange(request, notebook);
        if (notebook) {
            exchange.admit();
        } else {
            exchange.toBackend();
        }
    }

    private static ProxyRefusal malformed(Throwable cause) {
        if (cause instanceof TooLongHttpLineException) {
            return new ProxyRefusal(414, "The request line is too long.");
        }
        if (cause instanceof TooLongHttpHeaderException || cause instanceof TooLongFrameException) {
            return new ProxyRefusal(431, "The request headers are too large.");
        }
        return new ProxyRefusal(400, "The request is not valid HTTP/1.1.");
    }

    private static boolean isUpgrade(HttpHeaders headers) {
        return headers.contains(HttpHeaderNames.UPGRADE);
    }

    /** The exchange is over: take the next request, or end the connection. */
    private void finished(Exchange done, ChannelFuture lastWrite) {
        exchange = null;
        if (closing || !done.keepAlive || !done.requestComplete) {
            lastWrite.addListener(ChannelFutureListener.CLOSE);
            return;
        }
        while (!held.isEmpty() && (exchange == null || !exchange.requestComplete)) {
            receive(held.poll());
        }
        updateReading();
    }

    // ---- after a protocol switch: bytes both ways ---------------------------------------------------------------

    private void switchProtocols() {
        client.pipeline().remove(HttpServerCodec.class);
        if (client.pipeline().get(IdleStateHandler.class) != null) {
            client.pipeline().remove(IdleStateHandler.class);
        }
        backend.pipeline().remove(HttpClientCodec.class);
        upgraded = true;
        backend.pipeline().get(UpstreamLink.class).bind(new UpstreamLink.Receiver() {
            @Override
            public void upstreamRead(Object message) {
                if (message instanceof ByteBuf bytes) {
                    client.write(bytes);
                    if (!client.isWritable()) {
                        backend.config().setAutoRead(false);
                    }
                } else {
                    ReferenceCountUtil.release(message);
                }
            }

            @Override
            public void upstreamReadComplete() {
                client.flush();
            }

            @Override
            public void upstreamWritabilityChanged(boolean writable) {
                client.config().setAutoRead(writable);
            }

            @Override
            public void upstreamLost(boolean timedOut) {
                client.writeAndFlush(Unpooled.EMPTY_BUFFER).addListener(ChannelFutureListener.CLOSE);
            }
        });
        client.config().setAutoRead(backend.isWritable());
        backend.config().setAutoRead(client.isWritable());
    }

    private void relayUpgraded(Object msg) {
        if (msg instanceof ByteBuf bytes && backend != null) {
            backend.writeAndFlush(bytes);
            if (!backend.isWritable()) {
                client.config().setAutoRead(false);
            }
        } else {
            ReferenceCountUtil.release(msg);
        }
    }

    // ---- one request and its answer ----------------------------------------------------------------------------

    /** One request: to a notebook, to the Helidon server, or answered here ({@link #answer}). */
    private final class Exchange implements UpstreamLink.Receiver {

        private final HttpRequest request;
        private final boolean notebook;
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

        Exchange(HttpRequest request, boolean notebook) {
            this.request = request;
            this.notebook = notebook;
            this.keepAlive = HttpUtil.isKeepAlive(request);
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
            try {
                path = front.admission().vet(query < 0 ? target : target.substring(0, query),
                        Optional.ofNullable(request.headers().get(HttpHeaderNames.ORIGIN)),
                        Optional.ofNullable(request.headers().get(HttpHeaderNames.HOST)));
            } catch (ProxyRefusal refusal) {
                answer(refusal);
                return;
            }
            Optional<ProxyAdmission.Admitted> known = front.admission().remembered(path);
            if (known.isPresent()) {
                forward(known.get());
                return;
            }
            // a lookup may ask the database and the backend: never on the event loop
            waiting = true;
            updateReading();
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
                    updateReading();
                });
            });
        }

        private void forward(ProxyAdmission.Admitted route) {
            admitted = route;
            endpoint = new NotebookChannels.Endpoint(route.upstream().host(), route.upstream().port());
            forwarded = notebookRequest();
            Channel idle = front.notebooks().poll(client.eventLoop(), endpoint);
            if (idle != null) {
                attach(idle, true);
            } else {
                connect(front.notebooks().connect(client.eventLoop(), endpoint));
            }
        }

        private HttpRequest notebookRequest() {
            HttpHeaders headers = new DefaultHttpHeaders(false);
            headers.add(HttpHeaderNames.HOST, admitted.hostPort());
            UpstreamRequests.copyHeaders(new NettyHeaders(request.headers()), admitted,
                    new UpstreamRequests.Forwarding(Optional.of(clientAddress), Optional.of("http")), headers::add);
            if (HttpUtil.isTransferEncodingChunked(request)) {
                headers.set(HttpHeaderNames.TRANSFER_ENCODING, HttpHeaderValues.CHUNKED);
            } else if (request.headers().contains(HttpHeaderNames.CONTENT_LENGTH)) {
                headers.set(HttpHeaderNames.CONTENT_LENGTH, request.headers().get(HttpHeaderNames.CONTENT_LENGTH));
            }
            return new DefaultHttpRequest(HttpVersion.HTTP_1_1, request.method(), request.uri(), headers);
        }

        // -- to the Helidon server

        void toBackend() {
            request.headers().set(FrontPeer.HEADER, FrontPeer.headerValue(clientAddress));
            forwarded = request;
            if (backend != null && backend.isActive()) {
                attach(backend, true);
            } else {
                connect(front.connectToBackend(client.eventLoop(), FrontConnection.this::backendClosed));
            }
        }

        // -- the upstream connection

        private void connect(ChannelFuture connecting) {
            waiting = true;
            updateReading();
            connecting.addListener((ChannelFutureListener) future -> {
                waiting = false;
                if (done) {
                    future.channel().close();
                    return;
                }
                if (future.isSuccess()) {
                    if (!notebook) {
                        if (backend != null && backend != future.channel()) {
                            backend.close();
                        }
                        backend = future.channel();
                    }
                    attach(future.channel(), false);
                } else {
                    LOG.log(System.Logger.Level.INFO, "{0} unreachable: {1}", who(),
                            future.cause().getClass().getSimpleName());
                    answer(notebook ? ProxyRefusal.unreachable() : ProxyRefusal.serverUnavailable());
                }
                updateReading();
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
            updateReading();
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
            updateReading();
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
                notebookResponseHeaders(response);
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

        private void notebookResponseHeaders(HttpResponse response) {
            HttpHeaders headers = response.headers();
            boolean chunked = HttpUtil.isTransferEncodingChunked(response);
            boolean upstreamKeepAlive = HttpUtil.isKeepAlive(response);
            HopByHopHeaders hopByHop = HopByHopHeaders.from(headers.getAll(HttpHeaderNames.CONNECTION));
            List<String> dropped = new ArrayList<>(2);
            for (Map.Entry<String, String> header : headers) {
                if (hopByHop.isHopByHop(header.getKey())) {
                    dropped.add(header.getKey());
                }
            }
            dropped.forEach(headers::remove);
            String location = headers.get(HttpHeaderNames.LOCATION);
            if (location != null) {
                headers.set(HttpHeaderNames.LOCATION, UpstreamResponses.relativeLocation(location, admitted));
            }
            headers.set(AccessLines.REQUEST_ID_HEADER, requestId);
            boolean bodyFramed = chunked || headers.contains(HttpHeaderNames.CONTENT_LENGTH);
            boolean mayHaveBody = !HttpMethod.HEAD.equals(request.method()) && status >= 200 && status != 204
                    && status != 304;
            if (chunked || (!bodyFramed && mayHaveBody)) {
                if (request.protocolVersion().equals(HttpVersion.HTTP_1_1)) {
                    headers.set(HttpHeaderNames.TRANSFER_ENCODING, HttpHeaderValues.CHUNKED);
                } else {
                    keepAlive = false; // an HTTP/1.0 client reads the body up to the close
                }
            }
            if (!upstreamKeepAlive) {
                forwardedNotReusable = true;
            }
            if (!keepAlive) {
                headers.set(HttpHeaderNames.CONNECTION, HttpHeaderValues.CLOSE);
            } else if (!request.protocolVersion().equals(HttpVersion.HTTP_1_1)) {
                headers.set(HttpHeaderNames.CONNECTION, HttpHeaderValues.KEEP_ALIVE);
            }
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
                exchange = null;
                held.forEach(ReferenceCountUtil::release);
                held.clear();
                switchProtocols();
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
            finished(this, lastWrite);
        }

        @Override
        public void upstreamReadComplete() {
            client.flush();
        }

        @Override
        public void upstreamWritabilityChanged(boolean writable) {
            updateReading();
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
            if (!notebook && lost == backend) {
                backend = null;
            }
            if (responseStarted || informational) {
                // part of the answer went out already: the client can only see the cut as a closed connection
                done = true;
                if (notebook) {
                    logged();
                }
                client.close();
                exchange = null;
                return;
            }
            if (reused && !retried && !timedOut && retryable()) {
                // a kept-alive connection closed by the other side just as the request went out on it
                retried = true;
                connect(notebook ? front.notebooks().connect(client.eventLoop(), endpoint)
                        : front.connectToBackend(client.eventLoop(), FrontConnection.this::backendClosed));
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
                    && !HttpUtil.isTransferEncodingChunked(request) && HttpUtil.getContentLength(request, 0L) == 0;
        }

        // -- answered here

        void answer(ProxyRefusal refusal) {
            answered = true;
            status = refusal.status();
            dropUpstream();
            if (request.decoderResult().isFailure() || !requestComplete && !bodyless()) {
                // a request that is not HTTP, or a body not read yet: the connection cannot go on
                keepAlive = false;
            }
            byte[] body = Refusals.body(refusal.getMessage());
            DefaultFullHttpResponse response = new DefaultFullHttpResponse(HttpVersion.HTTP_1_1,
                    HttpResponseStatus.valueOf(refusal.status()), Unpooled.wrappedBuffer(body));
            HttpHeaders headers = response.headers();
            Refusals.headers(refusal, headers::set);
            headers.setInt(HttpHeaderNames.CONTENT_LENGTH, body.length);
            if (requestId != null) {
                headers.set(AccessLines.REQUEST_ID_HEADER, requestId);
            }
            if (!keepAlive) {
                headers.set(HttpHeaderNames.CONNECTION, HttpHeaderValues.CLOSE);
            }
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
            finished(this, answerWrite);
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
            exchange = null;
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

    private void backendClosed(Channel closed) {
        if (closed != backend) {
            return; // one that was replaced already
        }
        // Helidon closed the pinned connection between requests: the client connection mirrors it
        backend = null;
        if (exchange == null && !upgraded) {
            client.close();
        }
    }

    /** Netty's request headers as {@link UpstreamRequests} reads them. */
    private record NettyHeaders(HttpHeaders headers) implements UpstreamRequests.HeaderView {

        @Override
        public void forEach(BiConsumer<String, String> action) {
            for (Map.Entry<String, String> header : headers) {
                action.accept(header.getKey(), header.getValue());
            }
        }

        @Override
        public List<String> values(String name) {
            return headers.getAll(name);
        }
    }
}

package org.aapf.adapter.in.http.gateway;

import java.net.InetSocketAddress;
import java.util.ArrayDeque;
import java.util.Optional;

import io.netty.channel.Channel;
import io.netty.channel.ChannelFuture;
import io.netty.channel.ChannelFutureListener;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import io.netty.channel.socket.ChannelInputShutdownEvent;
import io.netty.handler.codec.TooLongFrameException;
import io.netty.handler.codec.http.HttpContent;
import io.netty.handler.codec.http.HttpHeaderNames;
import io.netty.handler.codec.http.HttpRequest;
import io.netty.handler.codec.http.HttpVersion;
import io.netty.handler.codec.http.TooLongHttpHeaderException;
import io.netty.handler.codec.http.TooLongHttpLineException;
import io.netty.handler.timeout.IdleStateEvent;
import io.netty.util.ReferenceCountUtil;

/**
 * One client connection of the {@link Gateway}, on its event loop. Requests are answered one at a time, in order (a
 * pipelined request waits, unread, until the one before it is answered), each by an {@link Exchange}: a notebook
 * request ({@code /proxy/...} on AAPF's origin, anything on a notebook's own) by a {@link NotebookExchange}, any other
 * by a {@link BackendExchange} to the Helidon server on a connection pinned to this one. After a notebook switches
 * protocols (a WebSocket) the connection is a {@link Tunnel}. Bodies stream both ways with back-pressure: a side that
 * cannot take more stops the other side's reads.
 */
final class FrontConnection extends ChannelInboundHandlerAdapter {

    private static final System.Logger LOG = System.getLogger(FrontConnection.class.getName());

    private final FrontContext front;
    /** The connection came in on the notebook port (the fallback origin every notebook shares). */
    private final boolean onNotebookPort;
    private Channel client;
    private String clientAddress;
    private Exchange exchange;
    /** The messages of pipelined requests, held until the request before them is answered. */
    private final ArrayDeque<Object> held = new ArrayDeque<>();
    /** The kept-alive connection to Helidon pinned to this one, or null. */
    private Channel backend;
    /** Set once a notebook switched protocols: the connection carries a WebSocket's bytes from then on. */
    private Tunnel tunnel;
    private boolean closing;

    FrontConnection(FrontContext front, boolean onNotebookPort) {
        this.front = front;
        this.onNotebookPort = onNotebookPort;
    }

    FrontContext front() {
        return front;
    }

    Channel client() {
        return client;
    }

    String clientAddress() {
        return clientAddress;
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
        if (tunnel != null) {
            tunnel.fromClient(msg);
        } else if (exchange != null && exchange.requestComplete() || !held.isEmpty()) {
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
        if (tunnel != null) {
            tunnel.clientWritabilityChanged();
        } else if (exchange != null && exchange.upstream != null) {
            exchange.upstream.config().setAutoRead(client.isWritable());
        }
        ctx.fireChannelWritabilityChanged();
    }

    @Override
    public void userEventTriggered(ChannelHandlerContext ctx, Object evt) {
        if (evt instanceof IdleStateEvent) {
            if (exchange == null && tunnel == null) {
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
        if (tunnel != null) {
            tunnel.clientClosed();
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
    void updateReading() {
        boolean read = held.isEmpty()
                && (exchange == null || exchange.requestComplete() || exchange.wantsRequestBytes());
        if (client.config().isAutoRead() != read) {
            client.config().setAutoRead(read);
        }
    }

    /** Ends the connection after what was written so far, or right away when the server shuts down idle. */
    void closeWhenIdle() {
        closing = true;
        if (exchange == null && held.isEmpty() || tunnel != null) {
            client.close();
        }
    }

    private void start(HttpRequest request) {
        Site site = front.admission().site(Optional.ofNullable(request.headers().get(HttpHeaderNames.HOST)),
                onNotebookPort);
        ProxyRefusal notUnderstood = notUnderstood(request);
        if (notUnderstood != null) {
            exchange = new BackendExchange(this, request);
            exchange.keepAlive = false; // a request that was not understood: the connection cannot go on
            exchange.answer(notUnderstood);
            return;
        }
        // AAPF's origin relays all but notebook traffic to Helidon; a notebook origin serves its own notebook only,
        // and the admission answers everything else there (404)
        exchange = !site.isAapf() || request.uri().startsWith(ProxyPath.PREFIX)
                ? new NotebookExchange(this, request, site, isWebSocket(request))
                : new BackendExchange(this, request);
        exchange.start();
    }

    /** A WebSocket handshake; any other {@code Upgrade} (say {@code h2c}) is declined by forwarding plain HTTP/1.1. */
    private static boolean isWebSocket(HttpRequest request) {
        String upgrade = request.headers().get(HttpHeaderNames.UPGRADE);
        return upgrade != null && upgrade.strip().equalsIgnoreCase("websocket");
    }

    /** The refusal of a request that is not HTTP/1.1 or HTTP/1.0, or null. */
    private static ProxyRefusal notUnderstood(HttpRequest request) {
        if (request.decoderResult().isFailure()) {
            return malformed(request.decoderResult().cause());
        }
        if (!HttpVersion.HTTP_1_1.equals(request.protocolVersion())
                && !HttpVersion.HTTP_1_0.equals(request.protocolVersion())) {
            return new ProxyRefusal(400, "Only HTTP/1.1 and HTTP/1.0 are served.");
        }
        return null;
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

    /** The exchange is over: take the next request, or end the connection. */
    void finished(Exchange done, ChannelFuture lastWrite) {
        exchange = null;
        if (closing || !done.keepAlive() || !done.requestComplete()) {
            lastWrite.addListener(ChannelFutureListener.CLOSE);
            return;
        }
        while (!held.isEmpty() && (exchange == null || !exchange.requestComplete())) {
            receive(held.poll());
        }
        updateReading();
    }

    /** The exchange ended without an answer to wait for (cut, or the client went away). */
    void forget(Exchange ended) {
        if (exchange == ended) {
            exchange = null;
        }
    }

    /** A notebook switched protocols (a WebSocket): from now on {@code switched} carries the bytes both ways. */
    void tunnel(Exchange ended, Tunnel switched) {
        forget(ended);
        held.forEach(ReferenceCountUtil::release);
        held.clear();
        tunnel = switched;
    }

    // ---- the connection to the Helidon server, pinned to this one -----------------------------------------------

    /** The kept-alive connection to Helidon of this client, or null. */
    Channel pinnedBackend() {
        return backend != null && backend.isActive() ? backend : null;
    }

    /** A new connection to Helidon for this client, replacing the one before it. */
    void pin(Channel channel) {
        if (backend != null && backend != channel) {
            backend.close();
        }
        backend = channel;
    }

    /** The pinned connection was lost mid-exchange. */
    void unpin(Channel lost) {
        if (lost == backend) {
            backend = null;
        }
    }

    /** Helidon closed a connection of this client's (when it was pinned and idle, the client's connection ends). */
    void backendClosed(Channel closed) {
        if (closed != backend) {
            return; // one that was replaced already
        }
        // Helidon closed the pinned connection between requests: the client connection mirrors it
        backend = null;
        if (exchange == null && tunnel == null) {
            client.close();
        }
    }
}

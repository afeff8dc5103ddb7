package org.aapf.adapter.in.http.gateway;

import java.util.ArrayList;
import java.util.List;

import io.netty.channel.Channel;
import io.netty.channel.ChannelFuture;
import io.netty.channel.ChannelFutureListener;
import io.netty.handler.codec.http.FullHttpResponse;
import io.netty.handler.codec.http.HttpContent;
import io.netty.handler.codec.http.HttpObject;
import io.netty.handler.codec.http.HttpRequest;
import io.netty.handler.codec.http.HttpResponse;
import io.netty.handler.codec.http.HttpUtil;
import io.netty.handler.codec.http.LastHttpContent;
import io.netty.util.ReferenceCountUtil;

/**
 * One request of a {@link FrontConnection} and its answer, on the connection's event loop, as a state machine
 * ({@link State}): forwarded to an upstream ({@link NotebookExchange}: a notebook; {@link BackendExchange}: the
 * Helidon server) or answered here with a JSON refusal. The request body streams to the upstream as it comes (held
 * while the upstream connection opens); the answer streams back. Whether the request is fully read is the other,
 * independent half: {@link #requestComplete()}.
 */
abstract sealed class Exchange permits NotebookExchange, BackendExchange {

    /** Where the answer side of an exchange is. */
    enum State {
        /** The request is being checked, or its route looked up off the event loop. */
        ADMITTING,
        /** A connection to the upstream is being opened. */
        CONNECTING,
        /** The request is going out; no answer yet. */
        FORWARDING,
        /** An interim (1xx) answer passes to the client; the final one follows. */
        INTERIM,
        /** A small answer is held until whole, so that an upstream failing midway gets a clean 502 or 504. */
        HOLDING,
        /** The answer streams to the client. */
        RESPONDING,
        /** The notebook switched protocols (101): once that answer is out, the connection becomes a tunnel. */
        SWITCHING,
        /** Answered here (a refusal or a redirect); the rest of the request body is read and dropped. */
        ANSWERED,
        /** Over: answered, cut, or handed on to a tunnel. */
        DONE
    }

    static final System.Logger LOG = System.getLogger(Exchange.class.getName());

    final FrontConnection connection;
    final FrontContext front;
    final Channel client;
    final HttpRequest request;
    final long started = System.nanoTime();
    State state = State.ADMITTING;
    boolean keepAlive;
    /** The answer's status, once known (0: none was given, logged as 499). */
    int status;
    long bytesUp;
    long bytesDown;
    /** The upstream connection the exchange is on, or null. */
    Channel upstream;
    private boolean requestComplete;
    /** The connection came from the pool or was kept from an earlier request: it may have been closed meanwhile. */
    boolean reused;
    boolean retried;
    /** What to send upstream once connected: the head, then the body parts that arrived meanwhile. */
    HttpObject forwarded;
    private List<HttpContent> pending;
    /** The answer side, bound to the upstream connection. */
    final Answers answers = new Answers(this);

    Exchange(FrontConnection connection, HttpRequest request) {
        this.connection = connection;
        this.front = connection.front();
        this.client = connection.client();
        this.request = request;
        this.keepAlive = HttpUtil.isKeepAlive(request);
    }

    /** Starts the exchange once its request head is in. */
    abstract void start();

    /** Shapes the final answer's head; false when it is not to be written now (held, or refused). */
    abstract boolean acceptHead(HttpResponse response);

    /** The answer went out whole: return or close the upstream connection {@code used}. */
    abstract void release(Channel used);

    /** A new connection for a retry of a request that met a kept-alive connection closing. */
    abstract ChannelFuture reconnect();

    /** The refusal when the upstream cannot be reached. */
    abstract ProxyRefusal unreachable();

    /** The exchange is over, however it ended: log it, report it. */
    abstract void ended();

    /** Who the upstream is, for the log. */
    abstract String who();

    /** A new upstream connection succeeded (before the request goes out on it). */
    void connected(Channel channel) {
    }

    /** The upstream connection was lost mid-exchange. */
    void lost(Channel channel) {
    }

    boolean requestComplete() {
        return requestComplete;
    }

    boolean keepAlive() {
        return keepAlive;
    }

    /** While the request's body is still coming: whether to read more of it now. */
    boolean wantsRequestBytes() {
        if (state == State.ADMITTING || state == State.CONNECTING) {
            return false;
        }
        return upstream == null ? state == State.ANSWERED || state == State.DONE : upstream.isWritable();
    }

    // ---- the request side ------------------------------------------------------------------------------------

    /** Sends {@code head} on {@code channel}; {@code fromPool}: the connection was open already. */
    void attach(Channel channel, boolean fromPool, HttpObject head) {
        forwarded = head;
        upstream = channel;
        reused = fromPool;
        state = State.FORWARDING;
        channel.pipeline().get(UpstreamLink.class).bind(answers);
        channel.config().setAutoRead(client.isWritable());
        channel.write(head);
        if (retried) {
            channel.write(LastHttpContent.EMPTY_LAST_CONTENT); // a retry is of a request without a body
        }
        if (pending != null) {
            pending.forEach(channel::write);
            pending = null;
        }
        if (requestComplete || !answers.bodyless()) {
            channel.flush(); // else the head leaves with the end of the request, a moment later
        }
        connection.updateReading();
    }

    /** Waits for {@code connecting}, then sends {@code head} on it. */
    void connect(ChannelFuture connecting, HttpObject head) {
        state = State.CONNECTING;
        connection.updateReading();
        connecting.addListener((ChannelFutureListener) future -> {
            if (state == State.DONE) {
                future.channel().close();
                return;
            }
            if (future.isSuccess()) {
                connected(future.channel());
                attach(future.channel(), false, head);
            } else {
                LOG.log(System.Logger.Level.INFO, "{0} unreachable: {1}", who(),
                        future.cause().getClass().getSimpleName());
                answer(unreachable());
            }
            connection.updateReading();
        });
    }

    void requestContent(HttpContent content) {
        if (content.decoderResult().isFailure()) {
            content.release();
            abort("a malformed request body");
            return;
        }
        boolean last = content instanceof LastHttpContent;
        requestComplete = last;
        if (state == State.ANSWERED || state == State.DONE) {
            content.release(); // the body of a request answered here: read and dropped
            if (last) {
                answers.written();
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

    // ---- the answer side -------------------------------------------------------------------------------------

    /** The answer is complete ({@code lastWrite} its last part): hand the upstream back, take the next request. */
    void complete(ChannelFuture lastWrite) {
        state = State.DONE;
        Channel used = upstream;
        upstream = null;
        release(used);
        ended();
        connection.finished(this, lastWrite);
    }

    // ---- answered here, or ended early -------------------------------------------------------------------------

    void answer(ProxyRefusal refusal) {
        answers.refuse(refusal);
    }

    void answer(FullHttpResponse response) {
        dropUpstream();
        answers.send(response);
    }

    void abort(String why) {
        LOG.log(System.Logger.Level.DEBUG, "Dropping a front connection: {0}", why);
        clientGone();
        client.close();
    }

    void clientGone() {
        if (state == State.DONE) {
            return;
        }
        state = State.DONE;
        answers.dropHeld();
        dropUpstream();
        ended();
        connection.forget(this);
    }

    /** Closes the upstream connection mid-exchange and drops what was waiting to go out on it. */
    void dropUpstream() {
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
}

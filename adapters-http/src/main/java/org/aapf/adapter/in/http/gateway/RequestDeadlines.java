package org.aapf.adapter.in.http.gateway;

import java.nio.charset.StandardCharsets;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import io.netty.channel.ChannelFutureListener;
import io.netty.channel.ChannelHandler;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import io.netty.handler.codec.http.HttpContent;
import io.netty.handler.codec.http.HttpRequest;
import io.netty.handler.codec.http.HttpServerCodec;
import io.netty.handler.codec.http.LastHttpContent;

/**
 * Deadlines for what a client sends on one connection, in the manner of Apache's mod_reqtimeout: a request head must
 * be complete within {@link ListenerLimits#requestHeadTimeout()} of its first byte (or of the connection's opening),
 * and a request body within {@link ListenerLimits#requestBodyTimeout()}, extended by a second for every
 * {@link ListenerLimits#requestBodyMinRate()} bytes received. A client that trickles (a byte every few seconds) holds
 * a connection for one deadline at most. Between requests (a kept-alive connection, a response streaming out) no
 * deadline runs; the idle timeout applies there. After a WebSocket upgrade the connection is no longer HTTP and the
 * deadlines step aside.
 *
 * <p>Two handlers share one state: {@link #bytes()} before the HTTP codec sees every byte that arrives, and
 * {@link #messages()} after it sees where heads and bodies end. Both run on the connection's event loop.
 */
final class RequestDeadlines {

    private static final System.Logger LOG = System.getLogger(RequestDeadlines.class.getName());
    private static final String TIMEOUT_BODY = "{\"message\":\"The request took too long to arrive.\"}";
    private static final byte[] TIMEOUT = ("HTTP/1.1 408 Request Timeout\r\n"
            + "Content-Type: application/json\r\nCache-Control: no-store\r\nConnection: close\r\n"
            + "Content-Length: " + TIMEOUT_BODY.length() + "\r\n\r\n" + TIMEOUT_BODY)
            .getBytes(StandardCharsets.US_ASCII);

    /** Where the connection is in receiving a request. */
    private enum Phase {
        /** Between requests: no deadline. */
        IDLE,
        /** Bytes of a request head are arriving (or the connection just opened). */
        HEAD,
        /** The head is in; its body is arriving. */
        BODY,
        /** Upgraded (or closed): the deadlines no longer apply. */
        DONE
    }

    private final long headNanos;
    private final long bodyNanos;
    private final long nanosPerByte;
    private final Bytes bytes = new Bytes();
    private final Messages messages = new Messages();
    private ChannelHandlerContext context;
    private Phase phase = Phase.IDLE;
    private long phaseStart;
    private long bodyBytes;
    private ScheduledFuture<?> timer;

    RequestDeadlines(ListenerLimits limits) {
        this.headNanos = limits.requestHeadTimeout().toNanos();
        this.bodyNanos = limits.requestBodyTimeout().toNanos();
        this.nanosPerByte = TimeUnit.SECONDS.toNanos(1) / limits.requestBodyMinRate();
    }

    /** The handler to place before the HTTP codec. */
    ChannelHandler bytes() {
        return bytes;
    }

    /** The handler to place right after the HTTP codec. */
    ChannelHandler messages() {
        return messages;
    }

    private final class Bytes extends ChannelInboundHandlerAdapter {

        @Override
        public void channelActive(ChannelHandlerContext ctx) throws Exception {
            context = ctx;
            enter(Phase.HEAD);
            super.channelActive(ctx);
        }

        @Override
        public void channelRead(ChannelHandlerContext ctx, Object msg) throws Exception {
            if (phase != Phase.DONE && ctx.pipeline().get(HttpServerCodec.class) == null) {
                stepAside();
            } else if (msg instanceof ByteBuf buffer) {
                if (phase == Phase.IDLE) {
                    enter(Phase.HEAD);
                } else if (phase == Phase.BODY) {
                    bodyBytes += buffer.readableBytes();
                }
            }
            super.channelRead(ctx, msg);
        }

        @Override
        public void channelInactive(ChannelHandlerContext ctx) throws Exception {
            stepAside();
            super.channelInactive(ctx);
        }
    }

    private final class Messages extends ChannelInboundHandlerAdapter {

        @Override
        public void channelRead(ChannelHandlerContext ctx, Object msg) throws Exception {
            if (phase != Phase.DONE) {
                if (msg instanceof HttpRequest) {
                    enter(Phase.BODY);
                }
                if (msg instanceof LastHttpContent) {
                    enter(Phase.IDLE);
                } else if (msg instanceof HttpContent && phase != Phase.BODY) {
                    enter(Phase.BODY);
                }
            }
            super.channelRead(ctx, msg);
        }
    }

    private void enter(Phase next) {
        phase = next;
        phaseStart = System.nanoTime();
        bodyBytes = 0;
        cancelTimer();
        if (next == Phase.HEAD) {
            schedule(headNanos);
        } else if (next == Phase.BODY) {
            schedule(bodyNanos);
        }
    }

    private void schedule(long delayNanos) {
        timer = context.executor().schedule(this::check, delayNanos, TimeUnit.NANOSECONDS);
    }

    /** The deadline timer fired: cut the client off, unless received body bytes moved the deadline on. */
    private void check() {
        timer = null;
        long deadline = switch (phase) {
            case HEAD -> phaseStart + headNanos;
            case BODY -> phaseStart + bodyNanos + bodyBytes * nanosPerByte;
            case IDLE, DONE -> Long.MAX_VALUE;
        };
        if (deadline == Long.MAX_VALUE) {
            return;
        }
        long left = deadline - System.nanoTime();
        if (left > 0) {
            schedule(left);
            return;
        }
        LOG.log(System.Logger.Level.DEBUG, "Closing a connection whose request {0} arrived too slowly",
                phase == Phase.HEAD ? "head" : "body");
        boolean answer = phase == Phase.HEAD;
        stepAside();
        if (answer && context.channel().isActive()) {
            // a head that never completed: nothing was answered yet, so a 408 tells the client why
            context.channel().config().setAutoRead(false);
            context.writeAndFlush(Unpooled.wrappedBuffer(TIMEOUT)).addListener(ChannelFutureListener.CLOSE);
        } else {
            context.channel().close();
        }
    }

    private void stepAside() {
        phase = Phase.DONE;
        cancelTimer();
    }

    private void cancelTimer() {
        if (timer != null) {
            timer.cancel(false);
            timer = null;
        }
    }
}

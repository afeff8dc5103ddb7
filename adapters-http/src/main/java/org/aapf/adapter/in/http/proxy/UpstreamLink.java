package org.aapf.adapter.in.http.proxy;

import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import io.netty.handler.timeout.IdleStateEvent;
import io.netty.util.ReferenceCountUtil;

/**
 * The last handler of a connection the front listener opened, to a notebook or to the Helidon server: passes what
 * arrives to the {@link Receiver} bound to it. A connection with no receiver is idle (in the pool, or between two
 * requests): anything it reads then is unexpected and it closes.
 */
final class UpstreamLink extends ChannelInboundHandlerAdapter {

    /** Who takes what the connection reads, on the connection's event loop. */
    interface Receiver {

        void upstreamRead(Object message);

        void upstreamReadComplete();

        void upstreamWritabilityChanged(boolean writable);

        /** The connection closed, failed, or went quiet for the idle timeout ({@code timedOut}). */
        void upstreamLost(boolean timedOut);
    }

    private Receiver receiver;
    private final Runnable onIdleClose;

    /** {@code onIdleClose} runs when the connection closes while no receiver is bound. */
    UpstreamLink(Runnable onIdleClose) {
        this.onIdleClose = onIdleClose;
    }

    void bind(Receiver receiver) {
        this.receiver = receiver;
    }

    void unbind() {
        this.receiver = null;
    }

    @Override
    public void channelRead(ChannelHandlerContext ctx, Object msg) {
        if (receiver != null) {
            receiver.upstreamRead(msg);
        } else {
            ReferenceCountUtil.release(msg);
            ctx.close();
        }
    }

    @Override
    public void channelReadComplete(ChannelHandlerContext ctx) {
        if (receiver != null) {
            receiver.upstreamReadComplete();
        }
    }

    @Override
    public void channelWritabilityChanged(ChannelHandlerContext ctx) {
        if (receiver != null) {
            receiver.upstreamWritabilityChanged(ctx.channel().isWritable());
        }
    }

    @Override
    public void userEventTriggered(ChannelHandlerContext ctx, Object evt) {
        if (evt instanceof IdleStateEvent) {
            Receiver bound = receiver;
            receiver = null;
            ctx.close();
            if (bound != null) {
                bound.upstreamLost(true);
            }
        } else {
            ctx.fireUserEventTriggered(evt);
        }
    }

    @Override
    public void channelInactive(ChannelHandlerContext ctx) {
        Receiver bound = receiver;
        receiver = null;
        if (bound != null) {
            bound.upstreamLost(false);
        } else {
            onIdleClose.run();
        }
    }

    @Override
    public void exceptionCaught(ChannelHandlerContext ctx, Throwable cause) {
        // an I/O error (reset by the peer) or a response the codec cannot parse: the connection is done for
        ctx.close();
    }
}

package org.aapf.adapter.in.http.gateway;

import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;

import io.netty.bootstrap.Bootstrap;
import io.netty.channel.Channel;
import io.netty.channel.ChannelFuture;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import io.netty.channel.ChannelInitializer;
import io.netty.channel.ChannelOption;
import io.netty.channel.EventLoop;
import io.netty.channel.socket.SocketChannel;
import io.netty.handler.codec.http.HttpClientCodec;
import io.netty.handler.codec.http.HttpDecoderConfig;
import io.netty.handler.timeout.IdleStateHandler;
import io.netty.handler.timeout.IdleStateEvent;
import io.netty.util.ReferenceCountUtil;

/**
 * The last handler of a connection the gateway opened, to a notebook or to the Helidon server: passes what
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

    static final int MAX_RESPONSE_HEADERS_BYTES = 64 * 1024;

    /**
     * Opens a connection from the front to {@code host:port} on {@code loop}: the HTTP client codec, the idle timeout
     * if any, and a link that calls {@code onIdleClose} with the connection when it closes while no receiver is bound.
     */
    static ChannelFuture connect(EventLoop loop, Class<? extends SocketChannel> type, String host, int port,
                                 Duration connectTimeout, Optional<Duration> idleTimeout,
                                 Consumer<Channel> onIdleClose) {
        return new Bootstrap()
                .group(loop)
                .channel(type)
                .option(ChannelOption.TCP_NODELAY, true)
                .option(ChannelOption.WRITE_BUFFER_WATER_MARK, Gateway.WATER_MARK)
                .option(ChannelOption.RCVBUF_ALLOCATOR, Gateway.READS)
                .option(ChannelOption.ALLOCATOR, Gateway.BUFFERS)
                .option(ChannelOption.CONNECT_TIMEOUT_MILLIS, (int) Math.min(Integer.MAX_VALUE,
                        connectTimeout.toMillis()))
                .handler(new ChannelInitializer<SocketChannel>() {
                    @Override
                    protected void initChannel(SocketChannel channel) {
                        channel.pipeline().addLast(new HttpClientCodec(new HttpDecoderConfig()
                                .setMaxHeaderSize(MAX_RESPONSE_HEADERS_BYTES)
                                .setMaxChunkSize(Gateway.MAX_CHUNK_BYTES), false, false));
                        idleTimeout.ifPresent(idle -> channel.pipeline().addLast(
                                new IdleStateHandler(0, 0, idle.toMillis(), TimeUnit.MILLISECONDS)));
                        channel.pipeline().addLast(new UpstreamLink(() -> onIdleClose.accept(channel)));
                    }
                })
                .connect(host, port);
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

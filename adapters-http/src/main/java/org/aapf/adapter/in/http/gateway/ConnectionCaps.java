package org.aapf.adapter.in.http.gateway;

import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.SocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

import io.netty.buffer.Unpooled;
import io.netty.channel.ChannelFutureListener;
import io.netty.channel.ChannelHandler;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import io.netty.util.AttributeKey;

/**
 * Caps the open client connections of the listener, per client address and in total: a connection over a cap is
 * answered {@code 503} with {@code Retry-After} and closed before any of its bytes are read, so one greedy client
 * cannot take every connection (or file descriptor) from the others. Shared by all connections of one listener; the
 * first handler of each pipeline.
 */
@ChannelHandler.Sharable
final class ConnectionCaps extends ChannelInboundHandlerAdapter {

    private static final System.Logger LOG = System.getLogger(ConnectionCaps.class.getName());
    private static final AttributeKey<InetAddress> COUNTED = AttributeKey.valueOf("aapf.counted-address");
    private static final String REFUSAL_BODY =
            "{\"message\":\"Too many connections. Please close some and try again.\"}";
    private static final byte[] REFUSAL = ("HTTP/1.1 503 Service Unavailable\r\n"
            + "Content-Type: application/json\r\nCache-Control: no-store\r\nRetry-After: 5\r\nConnection: close\r\n"
            + "Content-Length: " + REFUSAL_BODY.length() + "\r\n\r\n" + REFUSAL_BODY)
            .getBytes(StandardCharsets.US_ASCII);

    private final int maxTotal;
    private final int maxPerAddress;
    private final AtomicInteger total = new AtomicInteger();
    private final Map<InetAddress, Integer> perAddress = new ConcurrentHashMap<>();

    ConnectionCaps(ListenerLimits limits) {
        this.maxTotal = limits.maxConnections();
        this.maxPerAddress = limits.maxConnectionsPerAddress();
    }

    @Override
    public void channelActive(ChannelHandlerContext ctx) throws Exception {
        InetAddress address = addressOf(ctx.channel().remoteAddress());
        if (admit(address)) {
            ctx.channel().attr(COUNTED).set(address);
            super.channelActive(ctx);
        } else {
            ctx.channel().config().setAutoRead(false);
            ctx.writeAndFlush(Unpooled.wrappedBuffer(REFUSAL)).addListener(ChannelFutureListener.CLOSE);
        }
    }

    @Override
    public void channelInactive(ChannelHandlerContext ctx) throws Exception {
        InetAddress address = ctx.channel().attr(COUNTED).getAndSet(null);
        if (address != null) {
            release(address);
        }
        super.channelInactive(ctx);
    }

    /** Connections counted now (for tests and metrics). */
    int open() {
        return total.get();
    }

    private boolean admit(InetAddress address) {
        if (total.incrementAndGet() > maxTotal && maxTotal > 0) {
            total.decrementAndGet();
            LOG.log(System.Logger.Level.DEBUG, "Refused a connection: {0} open in total", maxTotal);
            return false;
        }
        boolean[] admitted = {false};
        perAddress.compute(address, (key, open) -> {
            int count = open == null ? 0 : open;
            if (maxPerAddress > 0 && count >= maxPerAddress) {
                return open;
            }
            admitted[0] = true;
            return count + 1;
        });
        if (!admitted[0]) {
            total.decrementAndGet();
            LOG.log(System.Logger.Level.DEBUG, "Refused a connection: {0} open from one address", maxPerAddress);
        }
        return admitted[0];
    }

    /** Drops an address's entry when its count reaches 0, so the map holds only addresses with connections. */
    private void release(InetAddress address) {
        total.decrementAndGet();
        perAddress.computeIfPresent(address, (key, open) -> open <= 1 ? null : open - 1);
    }

    private static InetAddress addressOf(SocketAddress remote) {
        return remote instanceof InetSocketAddress inet ? inet.getAddress() : InetAddress.getLoopbackAddress();
    }
}

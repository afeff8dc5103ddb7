package org.aapf.adapter.in.http.proxy;

import java.util.ArrayDeque;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;

import io.netty.bootstrap.Bootstrap;
import io.netty.channel.Channel;
import io.netty.channel.ChannelFuture;
import io.netty.channel.ChannelInitializer;
import io.netty.channel.ChannelOption;
import io.netty.channel.EventLoop;
import io.netty.channel.socket.SocketChannel;
import io.netty.handler.codec.http.HttpClientCodec;
import io.netty.handler.codec.http.HttpDecoderConfig;
import io.netty.handler.timeout.IdleStateHandler;

/**
 * The front listener's kept-alive connections to the notebooks, per event loop: a client's request goes out on a
 * connection of its own event loop, so one thread serves both sides of the exchange with no hand-off. The most
 * recently used connection is taken first (a few stay hot, the rest time out); an idle connection closes after the
 * idle timeout, or as soon as the notebook closes it or sends anything unasked.
 */
final class NotebookChannels {

    /** Idle connections kept per notebook and event loop; more are closed when their exchange ends. */
    private static final int MAX_IDLE_PER_NOTEBOOK = 64;
    static final int MAX_RESPONSE_HEADERS_BYTES = 64 * 1024;
    static final int MAX_CHUNK_BYTES = 256 * 1024;

    private final ProxySettings settings;
    private final Class<? extends SocketChannel> channelType;
    /** Each inner map is used only on its own event loop's thread. */
    private final Map<EventLoop, Map<Endpoint, ArrayDeque<Channel>>> idle = new ConcurrentHashMap<>();

    NotebookChannels(ProxySettings settings, Class<? extends SocketChannel> channelType) {
        this.settings = settings;
        this.channelType = channelType;
    }

    /** Where a notebook listens. */
    record Endpoint(String host, int port) {
    }

    /** An idle connection to {@code endpoint} on {@code loop}, or null; call on {@code loop}. */
    Channel poll(EventLoop loop, Endpoint endpoint) {
        ArrayDeque<Channel> channels = idleOf(loop).get(endpoint);
        while (channels != null && !channels.isEmpty()) {
            Channel channel = channels.pollLast();
            if (channel.isActive()) {
                return channel;
            }
        }
        return null;
    }

    /** Keeps a connection whose exchange ended cleanly for the next request; call on its event loop. */
    void offer(Endpoint endpoint, Channel channel) {
        UpstreamLink link = channel.pipeline().get(UpstreamLink.class);
        ArrayDeque<Channel> channels = idleOf(channel.eventLoop()).computeIfAbsent(endpoint, e -> new ArrayDeque<>());
        if (link == null || !channel.isActive() || channels.size() >= MAX_IDLE_PER_NOTEBOOK) {
            channel.close();
            return;
        }
        link.unbind();
        channels.addLast(channel);
    }

    /** Opens a new connection to {@code endpoint} on {@code loop}, bounded by the connect timeout. */
    ChannelFuture connect(EventLoop loop, Endpoint endpoint) {
        return new Bootstrap()
                .group(loop)
                .channel(channelType)
                .option(ChannelOption.TCP_NODELAY, true)
                .option(ChannelOption.WRITE_BUFFER_WATER_MARK, ProxyFront.WATER_MARK)
                .option(ChannelOption.RCVBUF_ALLOCATOR, ProxyFront.READS)
                .option(ChannelOption.CONNECT_TIMEOUT_MILLIS, (int) Math.min(Integer.MAX_VALUE,
                        settings.connectTimeout().toMillis()))
                .handler(new ChannelInitializer<SocketChannel>() {
                    @Override
                    protected void initChannel(SocketChannel channel) {
                        channel.pipeline().addLast(
                                new HttpClientCodec(new HttpDecoderConfig()
                                        .setMaxHeaderSize(MAX_RESPONSE_HEADERS_BYTES)
                                        .setMaxChunkSize(MAX_CHUNK_BYTES), false, false),
                                new IdleStateHandler(0, 0, settings.idleTimeout().toMillis(), TimeUnit.MILLISECONDS),
                                new UpstreamLink(() -> forget(channel, endpoint)));
                    }
                })
                .connect(endpoint.host(), endpoint.port());
    }

    private void forget(Channel channel, Endpoint endpoint) {
        ArrayDeque<Channel> channels = idleOf(channel.eventLoop()).get(endpoint);
        if (channels != null) {
            channels.remove(channel);
        }
    }

    private Map<Endpoint, ArrayDeque<Channel>> idleOf(EventLoop loop) {
        return idle.computeIfAbsent(loop, l -> new HashMap<>());
    }
}

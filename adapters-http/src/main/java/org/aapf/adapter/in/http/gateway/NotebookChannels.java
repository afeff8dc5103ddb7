package org.aapf.adapter.in.http.gateway;

import java.util.ArrayDeque;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

import io.netty.channel.Channel;
import io.netty.channel.ChannelFuture;
import io.netty.channel.EventLoop;
import io.netty.channel.socket.SocketChannel;

/**
 * The gateway's kept-alive connections to the notebooks, per event loop: a client's request goes out on a
 * connection of its own event loop, so one thread serves both sides of the exchange with no hand-off. The most
 * recently used connection is taken first (a few stay hot, the rest time out); an idle connection closes after the
 * idle timeout, or as soon as the notebook closes it or sends anything unasked.
 */
final class NotebookChannels {

    /** Idle connections kept per notebook and event loop; more are closed when their exchange ends. */
    private static final int MAX_IDLE_PER_NOTEBOOK = 64;

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

    /** Opens a new connection to {@code endpoint} on {@code loop}, bounded by the connect and idle timeouts. */
    ChannelFuture connect(EventLoop loop, Endpoint endpoint) {
        return UpstreamLink.connect(loop, channelType, endpoint.host(), endpoint.port(), settings.connectTimeout(),
                Optional.of(settings.idleTimeout()), channel -> forget(channel, endpoint));
    }

    /** A pooled connection closed: out of the pool, and the notebook's entry with it once it has none left. */
    private void forget(Channel channel, Endpoint endpoint) {
        Map<Endpoint, ArrayDeque<Channel>> pool = idleOf(channel.eventLoop());
        ArrayDeque<Channel> channels = pool.get(endpoint);
        if (channels != null && channels.remove(channel) && channels.isEmpty()) {
            pool.remove(endpoint); // a deleted notebook's address is not kept for ever
        }
    }

    private Map<Endpoint, ArrayDeque<Channel>> idleOf(EventLoop loop) {
        return idle.computeIfAbsent(loop, l -> new HashMap<>());
    }
}

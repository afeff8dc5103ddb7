package org.aapf.adapter.in.http.gateway;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.nio.channels.UnresolvedAddressException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;

import io.netty.bootstrap.ServerBootstrap;
import io.netty.buffer.ByteBufAllocator;
import io.netty.buffer.PooledByteBufAllocator;
import io.netty.channel.AdaptiveRecvByteBufAllocator;
import io.netty.channel.Channel;
import io.netty.channel.ChannelFuture;
import io.netty.channel.ChannelInitializer;
import io.netty.channel.ChannelOption;
import io.netty.channel.EventLoopGroup;
import io.netty.channel.IoHandlerFactory;
import io.netty.channel.MultiThreadIoEventLoopGroup;
import io.netty.channel.ServerChannel;
import io.netty.channel.WriteBufferWaterMark;
import io.netty.channel.epoll.Epoll;
import io.netty.channel.epoll.EpollIoHandler;
import io.netty.channel.epoll.EpollServerSocketChannel;
import io.netty.channel.epoll.EpollSocketChannel;
import io.netty.channel.group.ChannelGroup;
import io.netty.channel.group.DefaultChannelGroup;
import io.netty.channel.nio.NioIoHandler;
import io.netty.channel.socket.SocketChannel;
import io.netty.channel.socket.nio.NioServerSocketChannel;
import io.netty.channel.socket.nio.NioSocketChannel;
import io.netty.handler.codec.http.HttpDecoderConfig;
import io.netty.handler.codec.http.HttpServerCodec;
import io.netty.handler.timeout.IdleStateHandler;
import io.netty.util.concurrent.DefaultThreadFactory;
import io.netty.util.concurrent.GlobalEventExecutor;

/**
 * The server's gateway: it owns the public port. Notebook traffic ({@code /proxy/<id>/jupyter/...} on AAPF's origin,
 * everything on a notebook's own), HTTP and WebSocket, is served here on event loops, one thread serving both sides
 * of an exchange as nginx does; every other request (the API, the WebUI, health and metrics) is relayed to the
 * Helidon server listening on loopback behind it, with the client's address ({@code FrontPeer}).
 *
 * <p>It routes by {@code Host} first ({@link Site}): a notebook's own origin ({@code <proxyId>.<notebookDomain>}, or
 * the notebook port) serves that notebook only and answers everything else, the API and the WebUI included, with 404;
 * on AAPF's origin a browser navigation to a notebook is sent to the notebook's origin and a notebook's answer is
 * sandboxed ({@link NotebookOrigins}). Its one collaborator, {@link NotebookAdmission}, decides which request may
 * reach which notebook.
 */
public final class Gateway implements AutoCloseable {

    private static final System.Logger LOG = System.getLogger(Gateway.class.getName());
    /** A kept-alive client connection with no request for this long is closed. */
    private static final Duration CLIENT_IDLE = Duration.ofMinutes(5);
    private static final int MAX_REQUEST_LINE_BYTES = 8 * 1024;
    private static final int MAX_REQUEST_HEADERS_BYTES = 16 * 1024;
    /** The largest piece of a body handed on at a time (a read may bring less). */
    static final int MAX_CHUNK_BYTES = 256 * 1024;
    /** Where the Helidon server behind the front must listen: the front connects to it there. */
    public static final String BACKEND_HOST = "127.0.0.1";
    private static final Duration BACKEND_CONNECT_TIMEOUT = Duration.ofSeconds(5);

    /**
     * How much may wait to be written to a connection before the other side's reads pause (resuming below the low
     * mark): room for several 64 KiB reads, so that a big body does not switch reading off and on for every one.
     */
    static final WriteBufferWaterMark WATER_MARK = new WriteBufferWaterMark(256 * 1024, 1024 * 1024);

    /** Reads grow up to 256 KiB when a body streams in, and shrink back for small messages. */
    static final AdaptiveRecvByteBufAllocator READS = new AdaptiveRecvByteBufAllocator(64, 2048, 256 * 1024);

    /**
     * The buffers of both sides: Netty's pooled allocator, with a cache per event loop. Each exchange takes and returns
     * a few small buffers on one thread, which the pool's caches serve more cheaply than Netty 4.2's default adaptive
     * allocator: 7% more requests/s at saturation in bench/proxy.sh's setting (21.6k against 23.1k, 3 runs each).
     */
    static final ByteBufAllocator BUFFERS = PooledByteBufAllocator.DEFAULT;

    private final EventLoopGroup loops;
    /** The public port's listener first, then the notebook port's, if any. */
    private final List<Channel> listeners;
    private final ChannelGroup connections;
    private final ExecutorService lookups;
    private final ConnectionCaps caps;

    private Gateway(EventLoopGroup loops, List<Channel> listeners, ChannelGroup connections,
                    ExecutorService lookups, ConnectionCaps caps) {
        this.loops = loops;
        this.listeners = List.copyOf(listeners);
        this.connections = connections;
        this.lookups = lookups;
        this.caps = caps;
    }

    /**
     * Listens on {@code host:port} (0: any free port) in front of the Helidon server at {@code 127.0.0.1:backendPort},
     * with {@code limits} on slow and greedy clients, serving notebooks as {@code notebooks} admits; and on
     * {@code host:notebookPort} too when the settings name one ({@link ProxySettings#notebookPort()}), serving
     * notebooks only.
     */
    public static Gateway start(String host, int port, int backendPort, ListenerLimits limits,
                                NotebookAdmission notebooks) {
        Objects.requireNonNull(host, "'host' must not be null");
        Objects.requireNonNull(limits, "'limits' must not be null");
        ConnectionCaps caps = new ConnectionCaps(limits);
        Objects.requireNonNull(notebooks, "'notebooks' must not be null");
        Transport transport = Transport.best();
        EventLoopGroup loops = new MultiThreadIoEventLoopGroup(Runtime.getRuntime().availableProcessors(),
                new DefaultThreadFactory("aapf-front", true), transport.handlers());
        ExecutorService lookups = Executors.newThreadPerTaskExecutor(
                Thread.ofVirtual().name("aapf-front-lookup-", 0).factory());
        ChannelGroup connections = new DefaultChannelGroup(GlobalEventExecutor.INSTANCE);
        FrontContext front = new FrontContext(notebooks,
                new NotebookChannels(notebooks.settings(), transport.client()), lookups,
                (loop, onIdleClose) -> UpstreamLink.connect(loop, transport.client(), BACKEND_HOST, backendPort,
                        BACKEND_CONNECT_TIMEOUT, Optional.empty(), onIdleClose));
        List<Channel> listeners = new ArrayList<>(2);
        try {
            listeners.add(listen(loops, transport, connections, front, caps, limits, false, host, port));
            int notebookPort = notebooks.settings().notebookPort();
            if (notebookPort > 0) {
                listeners.add(listen(loops, transport, connections, front, caps, limits, true, host, notebookPort));
            }
            return new Gateway(loops, listeners, connections, lookups, caps);
        } catch (RuntimeException e) {
            listeners.forEach(Channel::close);
            loops.shutdownGracefully(0, 1, TimeUnit.SECONDS);
            lookups.shutdownNow();
            throw e;
        }
    }

    /**
     * Binds one listener; an address that cannot be had (in use, not this machine's, a privileged port) is an
     * {@link UncheckedIOException} saying which address and why in one line.
     */
    private static Channel listen(EventLoopGroup loops, Transport transport, ChannelGroup connections,
                                  FrontContext front, ConnectionCaps caps, ListenerLimits limits,
                                  boolean notebookPort, String host, int port) {
        ChannelFuture bound = new ServerBootstrap()
                .group(loops)
                .channel(transport.server())
                .option(ChannelOption.SO_BACKLOG, 1024)
                .childOption(ChannelOption.TCP_NODELAY, true)
                .childOption(ChannelOption.ALLOW_HALF_CLOSURE, true)
                .childOption(ChannelOption.WRITE_BUFFER_WATER_MARK, WATER_MARK)
                .childOption(ChannelOption.RCVBUF_ALLOCATOR, READS)
                .childOption(ChannelOption.ALLOCATOR, BUFFERS)
                .childHandler(new ChannelInitializer<SocketChannel>() {
                    @Override
                    protected void initChannel(SocketChannel channel) {
                        connections.add(channel);
                        RequestDeadlines deadlines = new RequestDeadlines(limits);
                        channel.pipeline().addLast(caps, deadlines.bytes());
                        channel.pipeline().addLast(
                                new IdleStateHandler(0, 0, CLIENT_IDLE.toSeconds(), TimeUnit.SECONDS),
                                new HttpServerCodec(new HttpDecoderConfig()
                                        .setMaxInitialLineLength(MAX_REQUEST_LINE_BYTES)
                                        .setMaxHeaderSize(MAX_REQUEST_HEADERS_BYTES)
                                        .setMaxChunkSize(MAX_CHUNK_BYTES)),
                                deadlines.messages(),
                                new FrontConnection(front, notebookPort));
                    }
                })
                .bind(host, port)
                .awaitUninterruptibly();
        if (!bound.isSuccess()) {
            Throwable cause = bound.cause();
            String why = cause instanceof UnresolvedAddressException ? "no such host"
                    : cause.getMessage() != null ? cause.getMessage() : cause.getClass().getSimpleName();
            // Netty's native transport says "bind(..) failed with error(-98): Address already in use"
            why = why.substring(why.lastIndexOf(": ") + 1).strip();
            throw new UncheckedIOException("Cannot listen on " + host + ":" + port + ": " + why,
                    cause instanceof IOException io ? io : new IOException(cause));
        }
        return bound.channel();
    }

    /** The bound port (useful when started with 0). */
    public int port() {
        return ((InetSocketAddress) listeners.getFirst().localAddress()).getPort();
    }

    /** Client connections open now, as counted against {@link ListenerLimits}' caps. */
    public int openConnections() {
        return caps.open();
    }

    /** Stops at once: no grace for requests in flight. */
    @Override
    public void close() {
        close(Duration.ZERO);
    }

    /**
     * Stops accepting connections, closes idle ones, lets requests in flight finish for up to {@code grace}, then
     * closes what is left (open WebSockets included).
     */
    public void close(Duration grace) {
        listeners.forEach(listener -> listener.close().syncUninterruptibly());
        connections.forEach(channel -> channel.eventLoop().execute(() -> {
            FrontConnection connection = channel.pipeline().get(FrontConnection.class);
            if (connection != null) {
                connection.closeWhenIdle();
            }
        }));
        long deadline = System.nanoTime() + grace.toNanos();
        while (!connections.isEmpty() && System.nanoTime() < deadline) {
            try {
                Thread.sleep(20);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                break;
            }
        }
        if (!connections.isEmpty()) {
            LOG.log(System.Logger.Level.INFO, "Closing {0} connection(s) still open after the grace period",
                    connections.size());
        }
        connections.close().awaitUninterruptibly(5, TimeUnit.SECONDS);
        loops.shutdownGracefully(0, 2, TimeUnit.SECONDS).awaitUninterruptibly(5, TimeUnit.SECONDS);
        lookups.shutdownNow();
    }

    /** Linux's epoll where Netty's native library loads, else the JDK's selector. */
    private record Transport(IoHandlerFactory handlers, Class<? extends ServerChannel> server,
                             Class<? extends SocketChannel> client) {

        static Transport best() {
            if (Epoll.isAvailable()) {
                return new Transport(EpollIoHandler.newFactory(), EpollServerSocketChannel.class,
                        EpollSocketChannel.class);
            }
            return new Transport(NioIoHandler.newFactory(), NioServerSocketChannel.class, NioSocketChannel.class);
        }
    }
}

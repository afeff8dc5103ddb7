package org.aapf.adapter.in.http.gateway;

import java.io.IOException;
import java.net.Socket;
import java.time.Duration;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

import org.apache.hc.core5.http.ClassicHttpRequest;
import org.apache.hc.core5.http.ClassicHttpResponse;
import org.apache.hc.core5.http.HttpException;
import org.apache.hc.core5.http.HttpHost;
import org.apache.hc.core5.http.config.Http1Config;
import org.apache.hc.core5.http.impl.bootstrap.HttpRequester;
import org.apache.hc.core5.http.impl.bootstrap.RequesterBootstrap;
import org.apache.hc.core5.http.io.HttpConnectionFactory;
import org.apache.hc.core5.http.io.SocketConfig;
import org.apache.hc.core5.http.protocol.HttpCoreContext;
import org.apache.hc.core5.http.protocol.HttpProcessorBuilder;
import org.apache.hc.core5.http.protocol.RequestContent;
import org.apache.hc.core5.io.CloseMode;
import org.apache.hc.core5.pool.PoolConcurrencyPolicy;
import org.apache.hc.core5.pool.PoolReusePolicy;
import org.apache.hc.core5.util.TimeValue;
import org.apache.hc.core5.util.Timeout;

/**
 * The kept-alive HTTP/1.1 connections to the notebooks: Apache HttpCore's blocking requester, used on the request's
 * own virtual thread. Only what a proxy needs runs per exchange (the body's framing headers; no redirects, cookies,
 * retries or user agent of its own).
 *
 * <p>Timeouts: connecting may take {@code connectTimeout}; once connected, a read or write that waits longer than
 * {@code idleTimeout} closes the connection ({@link WatchedConnection}, checked by a watchdog thread). Connections
 * unused for {@link #IDLE_IN_POOL} are closed, well before a notebook would drop them (Tornado keeps idle connections
 * for an hour).
 */
final class NotebookConnections implements AutoCloseable {

    private static final TimeValue IDLE_IN_POOL = TimeValue.ofSeconds(30);
    /** Concurrent exchanges with one notebook; a browser opens at most six, so this only stops a runaway client. */
    private static final int MAX_PER_NOTEBOOK = 256;
    private static final int MAX_TOTAL = 4096;
    private static final Http1Config LIMITS = Http1Config.custom()
            .setMaxLineLength(64 * 1024)
            .setMaxHeaderCount(256)
            .build();

    private final HttpRequester requester;
    private final Timeout leaseTimeout;
    private final Set<WatchedConnection> live = ConcurrentHashMap.newKeySet();
    private final ScheduledExecutorService watchdog;

    NotebookConnections(ProxySettings settings) {
        this.leaseTimeout = Timeout.of(settings.connectTimeout());
        this.requester = RequesterBootstrap.bootstrap()
                .setHttpProcessor(HttpProcessorBuilder.create().add(RequestContent.INSTANCE).build())
                // HttpCore connects with the socket timeout: that is the connect timeout; the connection factory
                // clears it on the connected socket, whose reads and writes the watchdog times instead.
                .setSocketConfig(SocketConfig.custom()
                        .setSoTimeout(Timeout.of(settings.connectTimeout()))
                        .setTcpNoDelay(true)
                        .build())
                .setConnectionFactory(new WatchedConnections())
                .setPoolConcurrencyPolicy(PoolConcurrencyPolicy.LAX)
                .setPoolReusePolicy(PoolReusePolicy.LIFO)
                .setDefaultMaxPerRoute(MAX_PER_NOTEBOOK)
                .setMaxTotal(MAX_TOTAL)
                .create();
        this.watchdog = Executors.newSingleThreadScheduledExecutor(
                Thread.ofPlatform().daemon().name("aapf-proxy-watchdog").factory());
        long idleNanos = settings.idleTimeout().toNanos();
        long tick = watchdogTick(settings.idleTimeout()).toMillis();
        watchdog.scheduleWithFixedDelay(() -> expireIdle(idleNanos), tick, tick, TimeUnit.MILLISECONDS);
        watchdog.scheduleWithFixedDelay(() -> requester.closeIdle(IDLE_IN_POOL), 10, 10, TimeUnit.SECONDS);
    }

    /** How often the watchdog looks: a tenth of the idle timeout, between 10 ms and 1 s. */
    static Duration watchdogTick(Duration idleTimeout) {
        Duration tenth = idleTimeout.dividedBy(10);
        return tenth.compareTo(Duration.ofMillis(10)) < 0 ? Duration.ofMillis(10)
                : tenth.compareTo(Duration.ofSeconds(1)) > 0 ? Duration.ofSeconds(1) : tenth;
    }

    /**
     * Sends {@code request} to {@code notebook} on a pooled connection and returns once the response headers are in.
     * Closing the response's body stream at its end returns the connection to the pool; closing the response before
     * that drops the connection.
     */
    ClassicHttpResponse exchange(HttpHost notebook, ClassicHttpRequest request) throws IOException, HttpException {
        return requester.execute(notebook, request, leaseTimeout, HttpCoreContext.create());
    }

    private void expireIdle(long idleNanos) {
        long now = System.nanoTime();
        for (WatchedConnection connection : live) {
            connection.expireIfIdle(now, idleNanos);
        }
    }

    @Override
    public void close() {
        watchdog.shutdownNow();
        requester.close(CloseMode.IMMEDIATE);
    }

    /** Binds each connected socket, its timeout cleared, to a watched connection. */
    private final class WatchedConnections implements HttpConnectionFactory<WatchedConnection> {

        @Override
        public WatchedConnection createConnection(Socket socket) throws IOException {
            socket.setSoTimeout(0);
            WatchedConnection connection = new WatchedConnection(LIMITS, live);
            connection.bind(socket);
            return connection;
        }
    }
}

package org.aapf.adapter.in.http.gateway;

import java.io.FilterInputStream;
import java.io.FilterOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.util.Set;

import org.apache.hc.core5.http.config.Http1Config;
import org.apache.hc.core5.http.impl.io.DefaultBHttpClientConnection;
import org.apache.hc.core5.http.impl.io.SocketHolder;
import org.apache.hc.core5.io.CloseMode;

/**
 * A connection to a notebook whose socket I/O is timed from outside: every read and write notes when it started, and
 * {@link #expireIfIdle} (the proxy's watchdog) closes the connection when one has waited longer than the idle timeout.
 * The waiting read or write then fails with a {@link SocketTimeoutException}. This replaces the socket's own read
 * timeout ({@code SO_TIMEOUT}), which also bounds writes (a notebook that stops reading an upload) and costs nothing per
 * read: a virtual thread blocked in a timed read arms and cancels a timer each time, a large part of a small
 * request's cost.
 */
final class WatchedConnection extends DefaultBHttpClientConnection {

    private static final long IDLE = Long.MIN_VALUE;

    private final Set<WatchedConnection> live;
    /** {@link System#nanoTime()} when the pending read or write began; {@link #IDLE} when none is pending. */
    private volatile long waitingSince = IDLE;
    private volatile boolean expired;

    WatchedConnection(Http1Config config, Set<WatchedConnection> live) {
        super(config);
        this.live = live;
    }

    @Override
    public void bind(Socket socket) throws IOException {
        bind(new WatchedSocket(socket));
        live.add(this);
    }

    /** Closes this connection if a read or write has waited on it for at least {@code idleNanos}. */
    void expireIfIdle(long now, long idleNanos) {
        long since = waitingSince;
        if (since != IDLE && now - since >= idleNanos) {
            expired = true;
            close(CloseMode.IMMEDIATE);
        }
    }

    @Override
    public void close(CloseMode closeMode) {
        live.remove(this);
        super.close(closeMode);
    }

    @Override
    public void close() throws IOException {
        live.remove(this);
        super.close();
    }

    private void begin() {
        long now = System.nanoTime();
        waitingSince = now == IDLE ? now + 1 : now;
    }

    private void end() {
        waitingSince = IDLE;
    }

    private IOException failure(IOException e) {
        return expired ? new SocketTimeoutException("no progress within the idle timeout") : e;
    }

    private final class WatchedSocket extends SocketHolder {

        WatchedSocket(Socket socket) {
            super(socket);
        }

        @Override
        protected InputStream getInputStream(Socket socket) throws IOException {
            return new FilterInputStream(socket.getInputStream()) {
                @Override
                public int read() throws IOException {
                    begin();
                    try {
                        return super.read();
                    } catch (IOException e) {
                        throw failure(e);
                    } finally {
                        end();
                    }
                }

                @Override
                public int read(byte[] buffer, int offset, int length) throws IOException {
                    begin();
                    try {
                        return in.read(buffer, offset, length);
                    } catch (IOException e) {
                        throw failure(e);
                    } finally {
                        end();
                    }
                }
            };
        }

        @Override
        protected OutputStream getOutputStream(Socket socket) throws IOException {
            return new FilterOutputStream(socket.getOutputStream()) {
                @Override
                public void write(int b) throws IOException {
                    write(new byte[] {(byte) b}, 0, 1);
                }

                @Override
                public void write(byte[] buffer, int offset, int length) throws IOException {
                    begin();
                    try {
                        out.write(buffer, offset, length);
                    } catch (IOException e) {
                        throw failure(e);
                    } finally {
                        end();
                    }
                }

                @Override
                public void flush() throws IOException {
                    out.flush();
                }
            };
        }
    }
}

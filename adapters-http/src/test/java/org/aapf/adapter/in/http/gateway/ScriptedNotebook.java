package org.aapf.adapter.in.http.gateway;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A notebook played by a script on raw sockets (loopback, free port), for what a real HTTP server will not do on
 * demand: stop reading, stall mid-body, drop a kept-alive connection. Each accepted connection runs the script on a
 * virtual thread and is closed when the script returns. {@link #close()} ends the accept loop, every connection and
 * every thread, and fails if a thread outlives it.
 */
final class ScriptedNotebook implements AutoCloseable {

    /** What the notebook does on one connection. */
    @FunctionalInterface
    interface Script {
        void play(Connection connection) throws IOException, InterruptedException;
    }

    /** The request line of every request head the notebook read, in order. */
    final List<String> requests = new CopyOnWriteArrayList<>();
    final AtomicInteger accepted = new AtomicInteger();
    private final AtomicInteger closed = new AtomicInteger();
    private final CountDownLatch released = new CountDownLatch(1);
    private final ServerSocket server;
    private final Script script;
    private final Set<Socket> sockets = ConcurrentHashMap.newKeySet();
    private final List<Thread> threads = new CopyOnWriteArrayList<>();
    private final Thread acceptor;

    /** @param receiveBuffer the accepted sockets' receive buffer in bytes, or 0 for the system's default */
    ScriptedNotebook(int receiveBuffer, Script script) throws IOException {
        this.script = script;
        server = new ServerSocket();
        if (receiveBuffer > 0) {
            server.setReceiveBufferSize(receiveBuffer); // before bind, so accepted sockets get it from the start
        }
        server.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0));
        acceptor = Thread.ofVirtual().name("scripted-notebook-accept").start(this::acceptLoop);
    }

    int port() {
        return server.getLocalPort();
    }

    /** Lets every script waiting in {@link Connection#hold()} go on. */
    void release() {
        released.countDown();
    }

    /** Waits until the notebook has closed {@code count} connections itself (its script returned). */
    boolean awaitClosed(int count, Duration timeout) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (closed.get() < count) {
            if (System.nanoTime() - deadline >= 0) {
                return false;
            }
            Thread.sleep(5);
        }
        return true;
    }

    private void acceptLoop() {
        while (!server.isClosed()) {
            Socket socket;
            try {
                socket = server.accept();
            } catch (IOException e) {
                return; // closed
            }
            accepted.incrementAndGet();
            sockets.add(socket);
            threads.add(Thread.ofVirtual().name("scripted-notebook-connection").start(() -> serve(socket)));
        }
    }

    private void serve(Socket socket) {
        try (socket) {
            script.play(new Connection(socket));
        } catch (IOException e) {
            // the peer went away, or close() closed the socket
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } finally {
            sockets.remove(socket);
            closed.incrementAndGet();
        }
    }

    @Override
    public void close() throws InterruptedException {
        released.countDown();
        try {
            server.close();
        } catch (IOException e) {
            // nothing left to do
        }
        join(acceptor); // no connection starts after this
        for (Socket socket : sockets) {
            try {
                socket.close();
            } catch (IOException e) {
                // nothing left to do
            }
        }
        for (Thread thread : threads) {
            join(thread);
        }
    }

    private static void join(Thread thread) throws InterruptedException {
        if (!thread.join(Duration.ofSeconds(5))) {
            throw new IllegalStateException("a scripted notebook thread did not end: " + thread);
        }
    }

    /** One accepted connection, as its script sees it. */
    final class Connection {

        private final Socket socket;

        Connection(Socket socket) {
            this.socket = socket;
        }

        /** Reads one request head byte by byte (nothing of the body), notes its request line; null at end of stream. */
        String readHead() throws IOException {
            String head = ScriptedNotebook.readHead(socket.getInputStream());
            if (head != null) {
                requests.add(head.substring(0, head.indexOf("\r\n")));
            }
            return head;
        }

        /** Reads the body that {@code head} announces with Content-Length (none: empty). */
        byte[] readBody(String head) throws IOException {
            String length = header(head, "content-length");
            return length == null ? new byte[0] : socket.getInputStream().readNBytes(Integer.parseInt(length));
        }

        void send(String text) throws IOException {
            send(text.getBytes(StandardCharsets.ISO_8859_1));
        }

        void send(byte[] bytes) throws IOException {
            socket.getOutputStream().write(bytes);
            socket.getOutputStream().flush();
        }

        /** Waits, reading nothing, until the test calls {@link #release()} or closes the notebook. */
        void hold() throws InterruptedException {
            if (!released.await(60, TimeUnit.SECONDS)) {
                throw new IllegalStateException("never released");
            }
        }

        /**
         * Reads and discards whatever arrives until the proxy closes the connection (end of stream or reset): true,
         * or until {@code within} has passed with the connection still open: false.
         */
        boolean closedByPeerWithin(Duration within) throws IOException {
            long deadline = System.nanoTime() + within.toNanos();
            InputStream in = socket.getInputStream();
            byte[] buffer = new byte[64 * 1024];
            while (true) {
                long left = TimeUnit.NANOSECONDS.toMillis(deadline - System.nanoTime());
                if (left <= 0) {
                    return false;
                }
                socket.setSoTimeout((int) Math.max(1, left));
                try {
                    if (in.read(buffer) < 0) {
                        return true;
                    }
                } catch (SocketTimeoutException e) {
                    return false;
                } catch (IOException e) {
                    return true; // reset by the proxy
                }
            }
        }
    }

    /** Reads bytes up to and including the blank line that ends an HTTP head; null when the stream ends first. */
    static String readHead(InputStream in) throws IOException {
        ByteArrayOutputStream head = new ByteArrayOutputStream();
        int matched = 0;
        while (matched < 4) {
            int b = in.read();
            if (b < 0) {
                return null;
            }
            head.write(b);
            matched = b == (matched % 2 == 0 ? '\r' : '\n') ? matched + 1 : (b == '\r' ? 1 : 0);
        }
        return head.toString(StandardCharsets.ISO_8859_1);
    }

    /** The first value of header {@code name} in {@code head}, or null. */
    static String header(String head, String name) {
        String prefix = name.toLowerCase(Locale.ROOT) + ":";
        for (String line : head.split("\r\n")) {
            if (line.toLowerCase(Locale.ROOT).startsWith(prefix)) {
                return line.substring(prefix.length()).strip();
            }
        }
        return null;
    }
}

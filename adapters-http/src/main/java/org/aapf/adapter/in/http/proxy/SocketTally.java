package org.aapf.adapter.in.http.proxy;

import java.util.concurrent.atomic.AtomicBoolean;
import org.aapf.adapter.in.http.Metrics;

/**
 * Reports one proxied WebSocket to {@link Metrics}: its frames' sizes (text counted in characters) and whether it is
 * open. Either side may notice the end first, or both: the socket counts as closed once.
 */
final class SocketTally {

    private final Metrics metrics;
    private final AtomicBoolean open = new AtomicBoolean();

    SocketTally(Metrics metrics) {
        this.metrics = metrics;
    }

    void opened() {
        if (open.compareAndSet(false, true)) {
            metrics.webSockets(1);
        }
    }

    void closed() {
        if (open.compareAndSet(true, false)) {
            metrics.webSockets(-1);
        }
    }

    void toNotebook(long size) {
        metrics.proxied(Metrics.Direction.TO_NOTEBOOK, size);
    }

    void fromNotebook(long size) {
        metrics.proxied(Metrics.Direction.FROM_NOTEBOOK, size);
    }
}

package org.aapf.application.port.in;

import java.util.Objects;
import java.util.Optional;

/**
 * Finds where the notebook behind a {@code /proxy/<proxyId>/jupyter} URL can be reached right now. Answers from
 * durable state (database and backend), with a cache, so the first request after a server restart already works.
 */
public interface ResolveNotebookRouteQuery {

    /** Never throws for an unknown id: it answers {@link Unknown}. */
    NotebookRoute resolve(String proxyId);

    /**
     * The ready route of {@code proxyId} if it is known without asking the database or the backend, for callers that
     * must not block (an event loop): they call {@link #resolve} elsewhere when this is empty.
     */
    default Optional<Ready> remembered(String proxyId) {
        return Optional.empty();
    }

    /** The answer: where to forward, or why not. */
    sealed interface NotebookRoute permits Ready, NotReady, Stopped, Unknown {
    }

    /** The notebook is ready at this host and port. */
    record Ready(String host, int port) implements NotebookRoute {
        public Ready {
            Objects.requireNonNull(host, "'host' must not be null");
            if (port < 1 || port > 65535) {
                throw new IllegalArgumentException("'port' must be 1-65535");
            }
        }
    }

    /** The notebook exists but is not serving yet (starting, failed, or being deleted). */
    record NotReady(String status) implements NotebookRoute {
    }

    /**
     * The notebook's cluster is stopping or stopped by its owner: nothing serves until they start it again.
     *
     * @param status the cluster's status, {@code stopping} or {@code stopped}
     */
    record Stopped(String status) implements NotebookRoute {
    }

    /** No notebook has this proxy id (never had, or deleted). */
    record Unknown() implements NotebookRoute {
    }
}

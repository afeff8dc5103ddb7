package org.aapf.embedded.wiring;

import jakarta.inject.Inject;
import jakarta.inject.Singleton;
import org.aapf.application.port.out.ClusterBackend;

/**
 * The backend AAPF built from its settings, once it has built one: what closing AAPF closes. A backend the embedder
 * supplied is theirs, and one that was never needed (a CLI command, a start that failed) is never built just to be
 * closed.
 */
@Singleton
public final class OwnedBackend implements AutoCloseable {

    private volatile ClusterBackend built;

    @Inject
    OwnedBackend() {
    }

    void built(ClusterBackend backend) {
        this.built = backend;
    }

    /** Closes the backend AAPF built, if it built one that can be closed. */
    @Override
    public void close() throws Exception {
        if (built instanceof AutoCloseable closeable) {
            closeable.close();
        }
    }
}

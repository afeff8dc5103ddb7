package org.aapf.embedded;

import java.lang.System.Logger.Level;
import java.time.Duration;
import java.util.Objects;
import org.aapf.application.port.out.ServerSignals;
import org.aapf.application.service.reconcile.Reconciler;
import org.aapf.domain.user.UserId;
import org.aapf.embedded.wiring.AapfComponent;
import org.aapf.embedded.wiring.CoreSettings;
import org.aapf.application.port.in.EnsureTrustedUserUseCase.EnsureTrustedUserCommand;
import org.aapf.embedded.usecases.AccountUseCases;
import org.aapf.embedded.usecases.ApiTokenUseCases;
import org.aapf.embedded.usecases.CatalogueUseCases;
import org.aapf.embedded.usecases.ClusterUseCases;
import org.aapf.embedded.usecases.UserUseCases;

/**
 * AAPF embedded in a JVM application: its use cases over the host's database, a cluster backend and a lifecycle.
 *
 * <p>Build one with {@link #builder()}, call {@link #start()} (migrates the database, starts the reconciler that
 * makes the backend follow the stored clusters and the periodic deletion of ended sessions), use the getters, and
 * {@link #close()} it when the host stops.
 * Use cases work before {@code start()} too (the first one migrates the database), but clusters then stay
 * {@code creating} until a reconciler runs: in this process or in any other AAPF on the same database.
 */
public final class Aapf implements AutoCloseable {

    private static final System.Logger LOG = System.getLogger(Aapf.class.getName());
    /** How often ended sessions and stale failed-login counts are deleted. */
    private static final Duration HOUSEKEEPING_INTERVAL = Duration.ofMinutes(10);

    private final AapfComponent component;
    private boolean opened;
    private boolean started;
    private ServerSignals.Listening peers;
    private boolean closed;

    Aapf(CoreSettings settings) {
        this.component = AapfComponent.of(Objects.requireNonNull(settings, "'settings' must not be null"));
    }

    public static AapfBuilder builder() {
        return new AapfBuilder();
    }

    /** Migrates the database and starts the reconciler; calling it again does nothing. */
    public synchronized Aapf start() {
        open();
        if (!started) {
            component.reconciler().start();
            peers = component.serverSignals().listen(component.reconciler()::peerChanged);
            component.accountHousekeeping().start(HOUSEKEEPING_INTERVAL);
            component.retentionHousekeeping().start();
            component.idleShutdown().start();
            started = true;
            LOG.log(Level.INFO, "AAPF started: server id {0}, {1}, backend {2}", component.serverId(),
                    component.database().describe(), component.backend().name());
        }
        return this;
    }

    public AccountUseCases accounts() {
        return open().accounts();
    }

    public ApiTokenUseCases tokens() {
        return open().apiTokens();
    }

    public UserUseCases users() {
        return open().users();
    }

    public CatalogueUseCases catalogue() {
        return open().catalogue();
    }

    public ClusterUseCases clusters() {
        return open().clusters();
    }

    /**
     * The id of the AAPF user named {@code username}, created (without a usable password) if there is none: for a
     * host that authenticates its users itself and calls {@link #clusters()} for them. Clusters are stored per
     * owner, so the same name always maps to the same id and the same clusters.
     *
     * @throws org.aapf.domain.error.AapfException {@code INVALID_INPUT} for a name that is not a valid username
     */
    public UserId ensureUser(String username) {
        AapfComponent graph = open();
        return graph.ensureTrustedUser().ensure(new EnsureTrustedUserCommand(username));
    }

    /** The optional HTTP layer, to mount on the host's own Helidon server; nothing listens until the host does. */
    public synchronized AapfHttp http() {
        AapfComponent graph = open();
        return new AapfHttp(graph.operationsRouting(), graph.apiRouting(), graph.notebookAdmission(), graph.webUiRouting());
    }

    /** Wakes the reconciler for an immediate pass (it also runs by itself, on every change and periodically). */
    public Reconciler reconciler() {
        return open().reconciler();
    }

    /** The whole object graph, for the AAPF server and tests; an embedder should not need it. */
    public AapfComponent component() {
        return component;
    }

    /**
     * Stops the reconciler, closes the backend client and the pool that AAPF opened
     * (never a data source or backend the host handed in); each step even if an earlier one failed. Idempotent.
     */
    @Override
    public synchronized void close() {
        if (closed) {
            return;
        }
        closed = true;
        if (!opened) {
            return;
        }
        quietly("Reconciler", () -> {
            if (started) {
                component.idleShutdown().close();
                peers.close();
                component.reconciler().close();
                component.accountHousekeeping().close();
                component.retentionHousekeeping().close();
            }
        });
        quietly("Backend client", () -> component.ownedBackend().close());
        quietly("Database", () -> component.database().close());
        LOG.log(Level.INFO, "AAPF stopped");
    }

    private synchronized AapfComponent open() {
        if (closed) {
            throw new IllegalStateException("this AAPF is closed");
        }
        if (!opened) {
            component.database();
            opened = true;
        }
        return component;
    }

    private static void quietly(String what, ThrowingAction action) {
        try {
            action.run();
        } catch (Exception e) {
            LOG.log(Level.WARNING, what + " did not stop cleanly", e);
        }
    }

    @FunctionalInterface
    private interface ThrowingAction {
        void run() throws Exception;
    }
}

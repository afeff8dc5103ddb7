package org.aapf.application.port.out;

import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;
import org.aapf.domain.cluster.ClusterId;
import org.aapf.domain.user.UserId;

/**
 * Runs AACluster instances somewhere (a Docker engine, a Kubernetes cluster): AAPF's equivalent of JupyterHub's
 * {@code Spawner}. The reconciler is its main caller; it compares {@link #observe()} with the database and calls
 * {@link #apply} and {@link #remove} until they agree. Requests call it only for what is theirs alone: a warm start
 * copies a workspace into the warm instance it claimed ({@link #copyWorkspace}), and removes that instance if it
 * cannot use it; the proxy and idle checks read {@link #endpoint}.
 *
 * <h2>Contract</h2>
 * <ul>
 *   <li><b>Ownership.</b> A backend instance belongs to one AAPF server id, given to the backend at construction. It
 *       marks everything it creates with that id (labels) and never reads, changes or removes anything without it.
 *   <li><b>Names.</b> Every backend object's name is derived deterministically from {@link InstanceRef} (and the
 *       server id): slug + hash, DNS-1123, at most 63 characters. The user's cluster name never appears in it.
 *   <li><b>{@link #apply} is idempotent.</b> If the instance exists with the same {@link DesiredInstance#specHash()}
 *       it does nothing; if it exists with another hash it replaces it; otherwise it creates whatever the instance
 *       needs (including per-cluster resources such as a network) and starts it. Calling it twice, or concurrently
 *       from a crashed and a new process, never yields two instances. It returns once the backend accepted the
 *       request, not when the instance is ready: readiness is reported by {@link #observe()}.
 *   <li><b>{@link #remove}, {@link #removeCluster} and {@link #removeWorkspace} are idempotent.</b> Already gone is
 *       success (a 404 is not an error). {@code removeCluster} removes every instance of the cluster and the
 *       per-cluster resources except its workspace.
 *   <li><b>Workspaces outlive instances.</b> An instance whose {@link DesiredInstance#workspacePath()} is present gets
 *       the cluster's workspace (created on first use, labelled like the instances, owned by no instance object)
 *       mounted there, writable by the image's user. Nothing but {@link #removeWorkspace} removes it: not
 *       {@code remove}, not {@code removeCluster}, not a replacement or a spec change. The reconciler calls it only
 *       for a cluster its owner deleted, never for an orphan (a workspace without a row is an operator's call).
 *   <li><b>{@link #observe()} is the truth.</b> It lists every instance this server owns, with its actual state,
 *       including instances with no row in AAPF's database (the reconciler removes those).
 *   <li><b>Errors.</b> Every method throws {@link org.aapf.domain.error.AapfException} with reason {@code UNAVAILABLE}
 *       when the backend cannot be reached, and {@code INTERNAL} for anything else; never a client library's own
 *       exception type. Problems of one instance (missing image, crash, OOM, unschedulable) are not exceptions: they
 *       are reported as {@link ObservedInstance#alerts()} and {@link ObservedInstance.Phase#FAILED}.
 *   <li><b>Failed instances.</b> A failed instance stays failed until the reconciler replaces it ({@link #remove},
 *       then {@link #apply}, with a back-off between replacements), unless its
 *       {@link ObservedInstance#restartsItself()} says the backend restarts it on its own.
 * </ul>
 */
public interface ClusterBackend {

    /** The configuration name of this backend, e.g. {@code docker} or {@code kubernetes}. */
    String name();

    /** Makes the instance exist and run with exactly this spec. See the class contract. */
    void apply(DesiredInstance desired);

    /** Removes the instance; success when it is already gone. */
    void remove(InstanceRef ref);

    /** Removes every instance of the cluster and the cluster's own resources; success when already gone. */
    void removeCluster(ClusterId cluster);

    /** Removes the cluster's workspace and the files in it; success when already gone. */
    void removeWorkspace(ClusterId cluster);

    /**
     * Records on the backend's objects of {@code cluster} (a warm pool's instance a cluster took over, started under
     * {@link WarmInstance#POOL_OWNER}) that they now belong to {@code owner}, where the backend can change its labels
     * (Kubernetes). Idempotent. A backend whose labels cannot change (Docker) does nothing: the cluster's row is the
     * record of its owner, and the spec hash of the warm instance stays valid (see the reconciler).
     */
    default void adopt(ClusterId cluster, UserId owner) {
    }

    /**
     * True when {@link #copyWorkspace} works here: the backend can put a stopped cluster's files into the workspace of
     * an instance that already runs (the only way a warm instance serves a start, since no engine attaches storage to
     * a running container or pod). False (the default) makes every start a cold one.
     */
    default boolean copiesWorkspaces() {
        return false;
    }

    /**
     * Copies every file of the workspace of {@code from} (whose instances are all gone) into the workspace of the
     * running instance {@code into}, mounted at {@code workspacePath}, keeping owners, modes and times. Both workspaces
     * stay; the caller removes the old one with {@link #removeWorkspace} once it stored the switch. A source without a
     * workspace copies nothing. At most {@code maxBytes} of archive are moved: a larger workspace stops the copy and
     * answers {@link WorkspaceCopy#TOO_LARGE}, leaving part of the files in {@code into}, which the caller then
     * removes. Whatever the copy needs on the backend is gone when it returns or throws; after a crash in between,
     * {@link #removeWorkspace removeWorkspace(from)} and the next copy from {@code from} remove it. Errors as usual.
     *
     * @throws UnsupportedOperationException unless {@link #copiesWorkspaces()}
     */
    default WorkspaceCopy copyWorkspace(ClusterId from, InstanceRef into, String workspacePath, long maxBytes) {
        throw new UnsupportedOperationException(name() + " cannot copy a workspace into a running instance");
    }

    /** Every workspace this server owns, whether or not its cluster still has a row. */
    List<Workspace> workspaces();

    /** Every instance this server owns, with its actual state. */
    List<ObservedInstance> observe();

    /**
     * Delivers a hint whenever an owned instance may have changed (started, died, became healthy, was removed). The
     * listener must be quick and must not call the backend; the reconciler calls {@link #observe()} afterwards. A
     * backend without events may call the listener on a timer. Events may be lost or repeated: they only wake the
     * reconciler, whose periodic resync is the safety net.
     *
     * @return a handle that stops the watch when closed
     */
    Watch watch(Consumer<InstanceRef> onChange);

    /** Where the AAPF server can reach the instance's HTTP port; empty while it has none (not running). */
    Optional<Endpoint> endpoint(InstanceRef ref);

    /**
     * Why instances of the image {@code reference} could not start on this backend (e.g. the image is not on the
     * engine and pulling is off), as one sentence naming the fix; empty when it looks usable or the backend cannot
     * tell. For operators' checks ({@code aapf doctor}); throws like every other method when the backend is down.
     */
    default Optional<String> imageProblem(String reference) {
        return Optional.empty();
    }

    /** How a {@link #copyWorkspace} ended. */
    enum WorkspaceCopy {
        /** Every file is in the target workspace. */
        COPIED,
        /** The workspace is larger than allowed; the target holds part of it. */
        TOO_LARGE
    }

    /** A running watch; closing it stops delivery. */
    interface Watch extends AutoCloseable {
        @Override
        void close();
    }
}

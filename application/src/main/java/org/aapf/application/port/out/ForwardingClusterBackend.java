package org.aapf.application.port.out;

import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Consumer;
import org.aapf.domain.cluster.ClusterId;
import org.aapf.domain.user.UserId;

/**
 * A {@link ClusterBackend} that hands every call to another one. Extend it to add to some calls (a guard, a count, a
 * connection to close) and inherit the rest: a new method of the port, or one with a default, is then forwarded
 * instead of silently answered by the default.
 */
public abstract class ForwardingClusterBackend implements ClusterBackend {

    private final ClusterBackend delegate;

    protected ForwardingClusterBackend(ClusterBackend delegate) {
        this.delegate = Objects.requireNonNull(delegate, "'delegate' must not be null");
    }

    /** The backend the calls go to. */
    protected final ClusterBackend delegate() {
        return delegate;
    }

    @Override
    public String name() {
        return delegate.name();
    }

    @Override
    public void apply(DesiredInstance desired) {
        delegate.apply(desired);
    }

    @Override
    public void remove(InstanceRef ref) {
        delegate.remove(ref);
    }

    @Override
    public void removeCluster(ClusterId cluster) {
        delegate.removeCluster(cluster);
    }

    @Override
    public void removeWorkspace(ClusterId cluster) {
        delegate.removeWorkspace(cluster);
    }

    @Override
    public void adopt(ClusterId cluster, UserId owner) {
        delegate.adopt(cluster, owner);
    }

    @Override
    public boolean copiesWorkspaces() {
        return delegate.copiesWorkspaces();
    }

    @Override
    public WorkspaceCopy copyWorkspace(ClusterId from, InstanceRef into, String workspacePath, long maxBytes) {
        return delegate.copyWorkspace(from, into, workspacePath, maxBytes);
    }

    @Override
    public List<Workspace> workspaces() {
        return delegate.workspaces();
    }

    @Override
    public List<ObservedInstance> observe() {
        return delegate.observe();
    }

    @Override
    public Watch watch(Consumer<InstanceRef> onChange) {
        return delegate.watch(onChange);
    }

    @Override
    public Optional<Endpoint> endpoint(InstanceRef ref) {
        return delegate.endpoint(ref);
    }

    @Override
    public Optional<String> imageProblem(String reference) {
        return delegate.imageProblem(reference);
    }
}

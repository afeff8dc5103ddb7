package org.aapf.adapter.out.persistence;

import java.util.List;
import java.util.Optional;
import java.util.Queue;
import java.util.function.Consumer;
import org.aapf.application.port.out.ClusterBackend;
import org.aapf.application.port.out.DesiredInstance;
import org.aapf.application.port.out.Endpoint;
import org.aapf.application.port.out.InstanceRef;
import org.aapf.application.port.out.ObservedInstance;
import org.aapf.application.port.out.Workspace;
import org.aapf.domain.cluster.ClusterId;

/** One server's view of the shared backend: passes every call on and notes who made it, to see who acted. */
final class RecordingBackend implements ClusterBackend {

    /** A backend call: the server that made it, the call and the instance it concerned (applies only). */
    record Call(String server, String action, InstanceRef ref) {
    }

    private final String server;
    private final ClusterBackend shared;
    private final Queue<Call> calls;

    RecordingBackend(String server, ClusterBackend shared, Queue<Call> calls) {
        this.server = server;
        this.shared = shared;
        this.calls = calls;
    }

    @Override
    public String name() {
        return shared.name();
    }

    @Override
    public void apply(DesiredInstance desired) {
        calls.add(new Call(server, "apply", desired.ref()));
        shared.apply(desired);
    }

    @Override
    public void remove(InstanceRef ref) {
        calls.add(new Call(server, "remove", ref));
        shared.remove(ref);
    }

    @Override
    public void removeCluster(ClusterId cluster) {
        calls.add(new Call(server, "removeCluster", null));
        shared.removeCluster(cluster);
    }

    @Override
    public void removeWorkspace(ClusterId cluster) {
        calls.add(new Call(server, "removeWorkspace", null));
        shared.removeWorkspace(cluster);
    }

    @Override
    public List<Workspace> workspaces() {
        return shared.workspaces();
    }

    @Override
    public List<ObservedInstance> observe() {
        calls.add(new Call(server, "observe", null));
        return shared.observe();
    }

    @Override
    public Watch watch(Consumer<InstanceRef> onChange) {
        return shared.watch(onChange);
    }

    @Override
    public Optional<Endpoint> endpoint(InstanceRef ref) {
        return shared.endpoint(ref);
    }
}

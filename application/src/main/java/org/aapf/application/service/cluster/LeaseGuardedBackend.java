package org.aapf.application.service.cluster;

import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;
import org.aapf.application.port.out.ClusterBackend;
import org.aapf.application.port.out.DesiredInstance;
import org.aapf.application.port.out.Endpoint;
import org.aapf.application.port.out.InstanceRef;
import org.aapf.application.port.out.ObservedInstance;
import org.aapf.domain.cluster.ClusterId;

/**
 * The backend as a pass sees it: every change ({@code apply}, {@code remove}, {@code removeCluster}) first makes sure
 * the lease still holds ({@link LeaseKeeper#check()}); reads go straight through.
 */
final class LeaseGuardedBackend implements ClusterBackend {

    private final ClusterBackend backend;
    private final LeaseKeeper lease;

    LeaseGuardedBackend(ClusterBackend backend, LeaseKeeper lease) {
        this.backend = backend;
        this.lease = lease;
    }

    @Override
    public String name() {
        return backend.name();
    }

    @Override
    public void apply(DesiredInstance desired) {
        lease.check();
        backend.apply(desired);
    }

    @Override
    public void remove(InstanceRef ref) {
        lease.check();
        backend.remove(ref);
    }

    @Override
    public void removeCluster(ClusterId cluster) {
        lease.check();
        backend.removeCluster(cluster);
    }

    @Override
    public List<ObservedInstance> observe() {
        return backend.observe();
    }

    @Override
    public Watch watch(Consumer<InstanceRef> onChange) {
        return backend.watch(onChange);
    }

    @Override
    public Optional<Endpoint> endpoint(InstanceRef ref) {
        return backend.endpoint(ref);
    }

    @Override
    public boolean restartsItself(InstanceRef failed) {
        return backend.restartsItself(failed);
    }

    @Override
    public Optional<String> imageProblem(String reference) {
        return backend.imageProblem(reference);
    }
}

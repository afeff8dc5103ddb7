package org.aapf.application.service.reconcile;

import org.aapf.application.port.out.ClusterBackend;
import org.aapf.application.port.out.DesiredInstance;
import org.aapf.application.port.out.ForwardingClusterBackend;
import org.aapf.application.port.out.InstanceRef;
import org.aapf.domain.cluster.ClusterId;
import org.aapf.domain.user.UserId;

/**
 * The backend as a pass sees it: every change ({@code apply}, {@code remove}, {@code removeCluster},
 * {@code removeWorkspace}) first makes sure the lease still holds ({@link LeaseKeeper#check()}); reads go straight
 * through.
 */
final class LeaseGuardedBackend extends ForwardingClusterBackend {

    private final LeaseKeeper lease;

    LeaseGuardedBackend(ClusterBackend backend, LeaseKeeper lease) {
        super(backend);
        this.lease = lease;
    }

    @Override
    public void apply(DesiredInstance desired) {
        lease.check();
        super.apply(desired);
    }

    @Override
    public void remove(InstanceRef ref) {
        lease.check();
        super.remove(ref);
    }

    @Override
    public void removeCluster(ClusterId cluster) {
        lease.check();
        super.removeCluster(cluster);
    }

    @Override
    public void removeWorkspace(ClusterId cluster) {
        lease.check();
        super.removeWorkspace(cluster);
    }

    @Override
    public void adopt(ClusterId cluster, UserId owner) {
        lease.check();
        super.adopt(cluster, owner);
    }
}

package org.aapf.application.service.reconcile;

import java.time.Instant;
import org.aapf.application.port.out.InstanceRef;
import org.aapf.domain.cluster.ClusterId;

/** What a convergence may ask of the {@link RetrySchedule} before it decides; it changes nothing. */
interface RetryView {

    /** True when {@code cluster} is not backing off after a failure, so the backend may be called for it now. */
    boolean mayAct(ClusterId cluster, Instant now);

    /** True when the failed instance's wait is over and it should be replaced now. */
    boolean restartDue(InstanceRef ref, Instant now);

    /** How many times in a row the instance has been replaced so far. */
    int restartsSoFar(InstanceRef ref);
}

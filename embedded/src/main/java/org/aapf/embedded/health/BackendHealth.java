package org.aapf.embedded.health;

import org.aapf.adapter.in.http.HealthCheck;
import org.aapf.application.service.reconcile.PassReport;
import org.aapf.application.service.reconcile.Reconciler;

/**
 * The cluster backend as the reconciler last saw it (no backend call per probe). A backend that cannot be reached
 * only degrades the server: accounts, listings and running notebooks still work, so traffic should keep coming.
 */
public final class BackendHealth implements HealthCheck {

    private final Reconciler reconciler;
    private final String backendName;

    public BackendHealth(Reconciler reconciler, String backendName) {
        this.reconciler = reconciler;
        this.backendName = backendName;
    }

    @Override
    public String name() {
        return "backend";
    }

    @Override
    public Result check() {
        return reconciler.lastPass().map(this::judge)
                .orElseGet(() -> Result.up(backendName + ": not observed yet"));
    }

    private Result judge(PassReport pass) {
        if (!pass.leader()) {
            return Result.up(backendName + ": observed by the server holding the reconciler lease");
        }
        return pass.backendReachable()
                ? Result.up(backendName + ": reachable")
                : Result.degraded(backendName + ": cannot be reached; cluster states may be out of date");
    }
}

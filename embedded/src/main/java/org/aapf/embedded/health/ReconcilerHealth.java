package org.aapf.embedded.health;

import org.aapf.adapter.in.http.HealthCheck;
import org.aapf.application.service.reconcile.Reconciler;

/** Ready while the reconcile loop runs; without it accepted clusters would never be created or deleted. */
public final class ReconcilerHealth implements HealthCheck {

    private final Reconciler reconciler;

    public ReconcilerHealth(Reconciler reconciler) {
        this.reconciler = reconciler;
    }

    @Override
    public String name() {
        return "reconciler";
    }

    @Override
    public Result check() {
        if (!reconciler.isRunning()) {
            return Result.down("the reconcile loop is not running");
        }
        return reconciler.lastPass()
                .map(pass -> Result.up(pass.leader() ? "running, holds the lease" : "running, standing by"))
                .orElseGet(() -> Result.up("running"));
    }
}

package org.aapf.application.service.reconcile;

/** Asks the reconciler for a pass soon; cheap, never blocks, wakes coalesce. Implemented by {@link Reconciler}. */
@FunctionalInterface
public interface ReconcileTrigger {

    void wake();
}

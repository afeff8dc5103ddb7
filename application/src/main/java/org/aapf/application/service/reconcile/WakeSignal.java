package org.aapf.application.service.reconcile;

import java.time.Duration;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;

/** A wake-up flag the reconcile loop sleeps on: wakes coalesce, and none is lost while a pass runs. */
final class WakeSignal {

    private final ReentrantLock lock = new ReentrantLock();
    private final Condition signal = lock.newCondition();
    private boolean woken;

    void wake() {
        lock.lock();
        try {
            woken = true;
            signal.signalAll();
        } finally {
            lock.unlock();
        }
    }

    /** Sleeps until woken or {@code max} passed, then clears the flag; true when it was woken. */
    boolean await(Duration max) throws InterruptedException {
        lock.lock();
        try {
            long nanos = max.toNanos();
            while (!woken && nanos > 0) {
                nanos = signal.awaitNanos(nanos);
            }
            boolean wasWoken = woken;
            woken = false;
            return wasWoken;
        } finally {
            lock.unlock();
        }
    }
}

package org.aapf.adapter.out.persistence;

import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicInteger;
import org.aapf.application.service.reconcile.PassReport;
import org.aapf.application.service.reconcile.Reconciler;

/** Calls {@link Reconciler#reconcileOnce()} back to back on a thread of its own until stopped; counts the passes. */
final class PassLoop implements AutoCloseable {

    private final Reconciler reconciler;
    private final Thread thread;
    private final AtomicInteger leaderPasses = new AtomicInteger();
    private final AtomicInteger followerPasses = new AtomicInteger();
    private final Queue<Throwable> errors = new ConcurrentLinkedQueue<>();
    private volatile boolean running = true;

    private PassLoop(String name, Reconciler reconciler) {
        this.reconciler = reconciler;
        this.thread = Thread.ofPlatform().name("pass-loop-" + name).start(this::run);
    }

    static PassLoop start(String name, Reconciler reconciler) {
        return new PassLoop(name, reconciler);
    }

    int leaderPasses() {
        return leaderPasses.get();
    }

    int followerPasses() {
        return followerPasses.get();
    }

    Queue<Throwable> errors() {
        return errors;
    }

    /** Stops after the current pass and waits for it. */
    @Override
    public void close() {
        running = false;
        try {
            thread.join(30_000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private void run() {
        while (running) {
            try {
                PassReport report = reconciler.reconcileOnce();
                (report.leader() ? leaderPasses : followerPasses).incrementAndGet();
            } catch (RuntimeException | Error e) {
                errors.add(e);
            }
        }
    }
}

package org.aapf.adapter.out.persistence;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Clock;
import java.time.Duration;
import org.aapf.application.port.out.ReconcilerLease;
import org.aapf.application.testing.InMemoryReconcilerLease;
import org.junit.jupiter.api.Test;

/**
 * Runs the {@link AbstractReconcilerLeaseTest} contract on the in-memory lease the application tests share between
 * simulated processes; here on the system clock, as the contract compares expiries with this JVM's time.
 */
class InMemoryReconcilerLeaseContractTest extends AbstractReconcilerLeaseTest {

    private final InMemoryReconcilerLease lease = new InMemoryReconcilerLease(Clock.systemUTC());

    @Override
    protected TestDatabase openDatabase() {
        throw new UnsupportedOperationException("an in-memory lease needs no database");
    }

    @Override
    protected boolean usesDatabase() {
        return false;
    }

    @Override
    protected ReconcilerLease newLease() {
        return lease;
    }

    @Override
    protected void moveExpiry(Duration fromNow) {
        lease.expireIn(fromNow);
    }

    @Test
    void runsOnTheInMemoryLease() {
        assertTrue(newLease() instanceof InMemoryReconcilerLease);
    }
}

package org.aapf.application.testing;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Supplier;
import org.aapf.application.port.out.OwnerLock;
import org.aapf.domain.user.UserId;

/** An {@link OwnerLock} for one process: a lock per owner. */
public final class InMemoryOwnerLock implements OwnerLock {

    private final Map<UserId, ReentrantLock> locks = new ConcurrentHashMap<>();

    @Override
    public <T> T whileLocked(UserId owner, Supplier<T> work) {
        ReentrantLock lock = locks.computeIfAbsent(owner, id -> new ReentrantLock());
        lock.lock();
        try {
            return work.get();
        } finally {
            lock.unlock();
        }
    }
}

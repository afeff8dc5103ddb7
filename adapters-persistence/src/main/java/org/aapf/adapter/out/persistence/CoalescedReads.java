package org.aapf.adapter.out.persistence;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.locks.LockSupport;
import java.util.function.Function;
import org.jdbi.v3.core.mapper.RowMapper;

/**
 * Reads rows by primary key for many concurrent callers in one statement ({@code WHERE id = ANY(?)}). Every API
 * request reads its caller's credential; under load, dozens of requests wait for that read at once, and each round
 * trip to a database server costs the JVM more than the row does (a socket write and read, a virtual thread parked
 * and woken). Here one caller at a time, the leader, runs a statement for every key waiting at that moment; callers
 * arriving meanwhile wait for the next statement, which the leader hands to the first of them.
 *
 * <p>Each caller's row is read by a statement that started after the caller asked, never by one already running: a
 * revocation committed before a request arrived is seen by that request, as with a read of its own. A caller alone
 * runs its statement at once, without waiting for company. A failed statement fails every caller it was reading for,
 * with the same exception.
 */
final class CoalescedReads<R> {

    /** Keys one statement reads at most. */
    static final int MAX_KEYS = 100;

    private final Function<List<String>, List<R>> readKeys;
    private final Function<R, String> keyOf;
    private final ConcurrentLinkedQueue<Waiter<R>> waiting = new ConcurrentLinkedQueue<>();
    private final AtomicBoolean leading = new AtomicBoolean();

    /**
     * @param readKeys the statement: the rows of the keys given (those that exist), as {@link HotReads#listAny} reads
     *     them
     * @param keyOf the key of a row read
     */
    CoalescedReads(Function<List<String>, List<R>> readKeys, Function<R, String> keyOf) {
        this.readKeys = Objects.requireNonNull(readKeys, "'readKeys' must not be null");
        this.keyOf = Objects.requireNonNull(keyOf, "'keyOf' must not be null");
    }

    /** Reads with {@code sql}, whose one parameter is the array of keys ({@code ... WHERE id = ANY(?)}). */
    static <R> CoalescedReads<R> of(HotReads reads, String sql, RowMapper<R> reader, Function<R, String> keyOf) {
        return new CoalescedReads<>(keys -> reads.listAny(sql, reader, keys), keyOf);
    }

    /** The row of {@code key}, read by a statement that started after this call did. */
    Optional<R> find(String key) {
        Waiter<R> self = new Waiter<>(Objects.requireNonNull(key, "'key' must not be null"));
        waiting.add(self);
        if (leading.compareAndSet(false, true)) {
            lead(waiting.poll());   // self, or one that queued earlier and waits for its turn; none if a leader took all
        }
        return self.await(this);
    }

    /** Callers waiting for a statement to start (for tests: counting walks the queue). */
    int waitingCallers() {
        return waiting.size();
    }

    /** Reads for {@code first} and whoever waits with it, then hands the lead on (or gives it up). */
    private void lead(Waiter<R> first) {
        if (first != null) {
            List<Waiter<R>> batch = new ArrayList<>();
            batch.add(first);
            for (Waiter<R> next; batch.size() < MAX_KEYS && (next = waiting.poll()) != null; ) {
                batch.add(next);
            }
            read(batch);
        }
        handOn();
    }

    private void read(List<Waiter<R>> batch) {
        Map<String, R> rows = new HashMap<>();
        try {
            List<String> keys = new ArrayList<>(batch.size());
            batch.forEach(waiter -> keys.add(waiter.key));
            for (R row : readKeys.apply(keys)) {
                rows.put(keyOf.apply(row), row);
            }
        } catch (RuntimeException | Error e) {
            batch.forEach(waiter -> waiter.fail(e));
            return;
        }
        batch.forEach(waiter -> waiter.find(Optional.ofNullable(rows.get(waiter.key))));
    }

    /**
     * Wakes the first waiting caller to lead the next statement; with nobody waiting, gives the lead up and looks
     * once more, for a caller that queued after the poll but found the lead still taken.
     */
    private void handOn() {
        while (true) {
            Waiter<R> next = waiting.poll();
            if (next != null) {
                next.lead();
                return;
            }
            leading.set(false);
            if (waiting.isEmpty() || !leading.compareAndSet(false, true)) {
                return;
            }
        }
    }

    /** One caller, parked until it is handed its row, a failure, or the lead of the next statement. */
    private static final class Waiter<R> {

        private final String key;
        private final Thread thread = Thread.currentThread();
        private volatile boolean toLead;
        private volatile boolean done;
        private Optional<R> row;
        private Throwable failure;

        Waiter(String key) {
            this.key = key;
        }

        void find(Optional<R> found) {
            row = found;
            wake();
        }

        void fail(Throwable e) {
            failure = e;
            wake();
        }

        void lead() {
            toLead = true;
            LockSupport.unpark(thread);
        }

        private void wake() {
            done = true;   // a volatile write after the plain ones: the waiter reads them after it reads this
            LockSupport.unpark(thread);
        }

        Optional<R> await(CoalescedReads<R> reads) {
            while (!done) {
                if (toLead) {
                    toLead = false;
                    reads.lead(this);
                } else {
                    LockSupport.park(this);
                }
            }
            if (failure instanceof RuntimeException e) {
                throw e;
            }
            if (failure instanceof Error e) {
                throw e;
            }
            return row;
        }
    }
}

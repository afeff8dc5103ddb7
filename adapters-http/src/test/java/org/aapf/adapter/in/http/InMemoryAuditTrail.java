package org.aapf.adapter.in.http;

import java.util.ArrayList;
import java.util.List;
import java.util.OptionalLong;
import org.aapf.application.port.in.AuditLog;
import org.aapf.application.port.in.AuditPage;
import org.aapf.application.port.in.AuditQuery;
import org.aapf.application.port.in.ListAuditQuery;
import org.aapf.domain.audit.AuditEntry;
import org.aapf.domain.audit.AuditRecord;
import org.aapf.domain.error.AapfException;
import org.aapf.domain.user.UserId;

/** The audit trail in a list, for the HTTP tests: admin-only reading once {@link #callerIsAdmin} is set. */
final class InMemoryAuditTrail implements AuditLog, ListAuditQuery {

    private final List<AuditEntry> entries = new ArrayList<>();
    volatile boolean callerIsAdmin;

    @Override
    public synchronized void record(AuditEntry entry) {
        entries.add(entry);
        notifyAll();
    }

    synchronized List<AuditEntry> entries() {
        return List.copyOf(entries);
    }

    /**
     * The entries once there are at least {@code count} (or after 5 s, whatever there is): the filter records an entry
     * after the answer went out, so a client can read the trail before the entry of its last request is in.
     */
    synchronized List<AuditEntry> entries(int count) {
        long until = System.nanoTime() + 5_000_000_000L;
        try {
            for (long left = until - System.nanoTime(); entries.size() < count && left > 0;
                    left = until - System.nanoTime()) {
                wait(Math.max(1, left / 1_000_000));
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        return List.copyOf(entries);
    }

    @Override
    public synchronized AuditPage list(UserId caller, AuditQuery query) {
        if (!callerIsAdmin) {
            throw AapfException.forbidden("Only admins may do this.");
        }
        List<AuditRecord> page = new ArrayList<>();
        for (int i = (int) query.after(); i < entries.size() && page.size() <= query.limit(); i++) {
            if (!entries.get(i).at().isBefore(query.since())) {
                page.add(new AuditRecord(i + 1, entries.get(i)));
            }
        }
        if (page.size() <= query.limit()) {
            return new AuditPage(page, OptionalLong.empty());
        }
        List<AuditRecord> first = page.subList(0, query.limit());
        return new AuditPage(first, OptionalLong.of(first.getLast().id()));
    }
}

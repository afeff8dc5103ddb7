package org.aapf.application.port.in;

import org.aapf.domain.audit.AuditEntry;

/**
 * Appends to the audit trail. Every part of AAPF that acts for someone calls it: the HTTP layer for every changing API
 * request, the login service, the idle shutdown, the command line. Callers put names and outcomes in the entry, never
 * a secret.
 */
public interface AuditLog {

    /**
     * Appends {@code entry}. Never throws: an entry that cannot be stored is logged as a warning, so that a database
     * hiccup does not turn a successful action into an error.
     */
    void record(AuditEntry entry);

    /** A log that keeps nothing, for callers built without a trail (tests and tools that audit elsewhere). */
    static AuditLog none() {
        return entry -> {
        };
    }
}

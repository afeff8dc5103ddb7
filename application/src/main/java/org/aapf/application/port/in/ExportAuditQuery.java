package org.aapf.application.port.in;

/** The audit trail for the operator's command line ({@code aapf audit export}), who reads the database anyway. */
public interface ExportAuditQuery {

    AuditPage export(AuditQuery query);
}

package org.aapf.embedded.wiring;

import dagger.Binds;
import dagger.Module;
import dagger.Provides;
import java.time.Duration;
import org.aapf.adapter.out.spark.JupyterActivityProbe;
import org.aapf.adapter.out.persistence.JdbiAuditRepository;
import org.aapf.adapter.out.persistence.JdbiClusterEventRepository;
import org.aapf.application.port.in.AuditLog;
import org.aapf.application.port.in.ExportAuditQuery;
import org.aapf.application.port.in.ListAuditQuery;
import org.aapf.application.port.in.RecordNotebookActivity;
import org.aapf.application.port.out.AuditRepository;
import org.aapf.application.port.out.ClusterEventRetention;
import org.aapf.application.port.out.NotebookActivityProbe;
import org.aapf.application.service.audit.AuditLogService;
import org.aapf.application.service.audit.AuditTrailService;
import org.aapf.application.service.audit.RetentionSettings;
import org.aapf.application.service.idle.IdleSettings;
import org.aapf.application.service.idle.NotebookActivityTracker;

/** The audit trail, the retention of history, and the idle shutdown with the notebook activity it goes by. */
@Module
interface UpkeepModule {

    @Binds
    AuditRepository auditRepository(JdbiAuditRepository repository);

    @Binds
    ClusterEventRetention clusterEventRetention(JdbiClusterEventRepository repository);

    @Binds
    AuditLog auditLog(AuditLogService service);

    @Binds
    ListAuditQuery listAudit(AuditTrailService service);

    @Binds
    ExportAuditQuery exportAudit(AuditTrailService service);

    @Binds
    RecordNotebookActivity recordNotebookActivity(NotebookActivityTracker tracker);

    /** Reads the notebook's Jupyter API, whatever the backend (it only needs the notebook's endpoint). */
    @Provides
    static NotebookActivityProbe notebookActivityProbe() {
        return new JupyterActivityProbe(Duration.ofSeconds(2));
    }

    @Provides
    static IdleSettings idleSettings(CoreSettings settings) {
        return settings.idle();
    }

    @Provides
    static RetentionSettings retentionSettings(CoreSettings settings) {
        return settings.retention();
    }
}

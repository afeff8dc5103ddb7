package org.aapf.embedded.wiring;

import org.aapf.application.port.in.ListOrphanWorkspacesQuery;
import org.aapf.application.port.in.PruneOrphanWorkspacesUseCase;
import dagger.BindsInstance;
import dagger.Component;
import jakarta.inject.Singleton;
import org.aapf.adapter.in.http.ApiRouting;
import org.aapf.adapter.in.http.OperationsRouting;
import org.aapf.adapter.in.http.gateway.NotebookAdmission;
import org.aapf.adapter.in.http.webui.WebUiRouting;
import org.aapf.adapter.out.persistence.Database;
import org.aapf.application.port.in.AddUserUseCase;
import org.aapf.application.port.in.EnsureTrustedUserUseCase;
import org.aapf.application.port.in.CreateClusterUseCase;
import org.aapf.application.port.in.ListUsersQuery;
import org.aapf.application.port.in.RemoveUserUseCase;
import org.aapf.application.port.in.SetUserPasswordUseCase;
import org.aapf.application.port.out.CatalogueSource;
import org.aapf.application.port.out.ClusterBackend;
import org.aapf.application.port.out.PasswordHasher;
import org.aapf.application.port.out.UserRepository;
import org.aapf.application.port.out.ServerSignals;
import org.aapf.application.port.out.WarmInstanceRepository;
import org.aapf.application.service.account.AccountHousekeeping;
import org.aapf.application.service.reconcile.Reconciler;
import org.aapf.embedded.usecases.AccountUseCases;
import org.aapf.embedded.usecases.ApiTokenUseCases;
import org.aapf.embedded.usecases.CatalogueUseCases;
import org.aapf.embedded.usecases.ClusterUseCases;
import org.aapf.embedded.usecases.UserUseCases;
import org.aapf.application.port.in.AuditLog;
import org.aapf.application.port.in.ExportAuditQuery;
import org.aapf.application.service.audit.RetentionHousekeeping;
import org.aapf.application.service.idle.IdleShutdown;

/**
 * The one Dagger component: adapters bound to the application's ports, built from {@link CoreSettings}. Every object
 * is made on first use; the database is opened (and migrated) by whatever needs it first.
 */
@Singleton
@Component(modules = {SettingsModule.class, PersistenceModule.class, SecurityModule.class, AccountsModule.class,
    ClustersModule.class, BackendModule.class, UseCasesModule.class, OperationsModule.class, SignOnModule.class,
    UpkeepModule.class})
public interface AapfComponent {

    Database database();

    ApiRouting apiRouting();

    NotebookAdmission notebookAdmission();

    OperationsRouting operationsRouting();

    Reconciler reconciler();

    /** Between the servers that share the database: who accepted a change tells the reconciler lease's holder. */
    ServerSignals serverSignals();

    /** The warm pools' instances as stored. */
    WarmInstanceRepository warmInstances();

    AccountHousekeeping accountHousekeeping();

    IdleShutdown idleShutdown();

    RetentionHousekeeping retentionHousekeeping();

    AuditLog auditLog();

    ExportAuditQuery exportAudit();

    ClusterBackend backend();

    /** The backend AAPF built, if it has built one, for closing. */
    OwnedBackend ownedBackend();

    @ServerId
    String serverId();

    CatalogueSource catalogueSource();

    CreateClusterUseCase createCluster();

    UserRepository userRepository();

    PasswordHasher passwordHasher();

    WebUiRouting webUiRouting();

    AddUserUseCase addUser();

    EnsureTrustedUserUseCase ensureTrustedUser();

    SetUserPasswordUseCase setUserPassword();

    ListUsersQuery listUsers();

    RemoveUserUseCase removeUser();

    AccountUseCases accounts();

    ApiTokenUseCases apiTokens();

    UserUseCases users();

    CatalogueUseCases catalogue();

    ClusterUseCases clusters();

    ListOrphanWorkspacesQuery orphanWorkspaces();

    PruneOrphanWorkspacesUseCase pruneOrphanWorkspaces();

    /** Creates the component for one set of settings. */
    @Component.Factory
    interface Factory {
        AapfComponent create(@BindsInstance CoreSettings settings);
    }

    static AapfComponent of(CoreSettings settings) {
        return DaggerAapfComponent.factory().create(settings);
    }
}

package org.aapf.bootstrap.wiring;

import dagger.BindsInstance;
import dagger.Component;
import jakarta.inject.Singleton;
import org.aapf.adapter.in.http.ApiRouting;
import org.aapf.adapter.in.http.OperationsRouting;
import org.aapf.adapter.in.http.proxy.NotebookProxy;
import org.aapf.adapter.out.persistence.Database;
import org.aapf.application.port.in.AddUserUseCase;
import org.aapf.application.port.in.ListUsersQuery;
import org.aapf.application.port.in.RemoveUserUseCase;
import org.aapf.application.port.in.SetUserPasswordUseCase;
import org.aapf.application.port.in.CreateClusterUseCase;
import org.aapf.application.port.out.CatalogueSource;
import org.aapf.application.port.out.ClusterBackend;
import org.aapf.application.port.out.PasswordHasher;
import org.aapf.application.port.out.UserRepository;
import org.aapf.application.service.cluster.Reconciler;
import org.aapf.bootstrap.config.AapfConfig;

/** The one Dagger component: adapters bound to the application's ports, built from the configuration. */
@Singleton
@Component(modules = {SettingsModule.class, PersistenceModule.class, SecurityModule.class, AccountsModule.class,
    ClustersModule.class, BackendModule.class, OperationsModule.class})
public interface AapfComponent {

    Database database();

    ApiRouting apiRouting();

    NotebookProxy notebookProxy();

    OperationsRouting operationsRouting();

    Reconciler reconciler();

    ClusterBackend backend();

    CatalogueSource catalogue();

    CreateClusterUseCase createCluster();

    UserRepository userRepository();

    PasswordHasher passwordHasher();

    AddUserUseCase addUser();

    SetUserPasswordUseCase setUserPassword();

    ListUsersQuery listUsers();

    RemoveUserUseCase removeUser();

    /** Creates the component for one configuration. */
    @Component.Factory
    interface Factory {
        AapfComponent create(@BindsInstance AapfConfig config, @BindsInstance CustomBackend customBackend);
    }

    static AapfComponent of(AapfConfig config) {
        return of(config, CustomBackend.none());
    }

    static AapfComponent of(AapfConfig config, CustomBackend customBackend) {
        return DaggerAapfComponent.factory().create(config, customBackend);
    }
}

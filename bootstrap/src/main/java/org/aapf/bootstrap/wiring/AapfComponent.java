package org.aapf.bootstrap.wiring;

import dagger.BindsInstance;
import dagger.Component;
import jakarta.inject.Singleton;
import org.aapf.adapter.in.http.ApiRouting;
import org.aapf.adapter.in.http.webui.WebUiRouting;
import org.aapf.adapter.out.persistence.Database;
import org.aapf.application.port.in.AddUserUseCase;
import org.aapf.application.port.in.ListUsersQuery;
import org.aapf.application.port.in.RemoveUserUseCase;
import org.aapf.application.port.in.SetUserPasswordUseCase;
import org.aapf.bootstrap.config.AapfConfig;

/** The one Dagger component: adapters bound to the application's ports, built from the configuration. */
@Singleton
@Component(modules = {SettingsModule.class, PersistenceModule.class, SecurityModule.class, AccountsModule.class})
public interface AapfComponent {

    Database database();

    ApiRouting apiRouting();

    WebUiRouting webUiRouting();

    AddUserUseCase addUser();

    SetUserPasswordUseCase setUserPassword();

    ListUsersQuery listUsers();

    RemoveUserUseCase removeUser();

    /** Creates the component for one configuration. */
    @Component.Factory
    interface Factory {
        AapfComponent create(@BindsInstance AapfConfig config);
    }

    static AapfComponent of(AapfConfig config) {
        return DaggerAapfComponent.factory().create(config);
    }
}

package org.aapf.embedded.wiring;

import dagger.Binds;
import dagger.Module;
import dagger.Provides;
import jakarta.inject.Singleton;
import java.util.Optional;
import org.aapf.adapter.out.persistence.JdbiSignOnRepository;
import org.aapf.adapter.out.security.NimbusIdentityProvider;
import org.aapf.application.port.in.GetProfileQuery;
import org.aapf.application.port.in.SignOnUseCase;
import org.aapf.application.port.out.IdentityProvider;
import org.aapf.application.port.out.SignOnRepository;
import org.aapf.application.service.account.ProfileService;
import org.aapf.application.service.account.SignOnService;
import org.aapf.application.service.account.SignOnSettings;
import org.aapf.application.service.catalogue.CatalogueGrants;
import org.aapf.application.service.catalogue.CatalogueVisibility;
import org.aapf.application.service.catalogue.GroupCatalogueVisibility;

/** Single sign-on (the OpenID Connect provider when one is configured), profiles and catalogue visibility. */
@Module
interface SignOnModule {

    @Provides
    @Singleton
    static Optional<IdentityProvider> identityProvider(CoreSettings settings) {
        return settings.signOn().provider().map(NimbusIdentityProvider::new);
    }

    @Provides
    static SignOnSettings signOnSettings(CoreSettings settings) {
        return settings.signOn().settings();
    }

    @Provides
    static CatalogueGrants catalogueGrants(CoreSettings settings) {
        return settings.signOn().grants();
    }

    @Binds
    SignOnRepository signOnRepository(JdbiSignOnRepository repository);

    @Binds
    SignOnUseCase signOn(SignOnService service);

    @Binds
    GetProfileQuery profile(ProfileService service);


    @Binds
    CatalogueVisibility catalogueVisibility(GroupCatalogueVisibility visibility);
}

package org.aapf.embedded.wiring;

import java.util.Objects;
import java.util.Optional;
import org.aapf.adapter.out.security.OidcSettings;
import org.aapf.application.service.account.SignOnSettings;
import org.aapf.application.service.catalogue.CatalogueGrants;

/**
 * Single sign-on and what it decides: the OpenID Connect provider (none: no single sign-on), password login and the
 * admin group, and the catalogue each provider group may use.
 */
public record SingleSignOn(Optional<OidcSettings> provider, SignOnSettings settings, CatalogueGrants grants) {

    public SingleSignOn {
        Objects.requireNonNull(provider, "'provider' must not be null (use empty)");
        Objects.requireNonNull(settings, "'settings' must not be null");
        Objects.requireNonNull(grants, "'grants' must not be null");
    }

    /** No provider, password login for everybody, the whole catalogue for everybody. */
    public static SingleSignOn none() {
        return new SingleSignOn(Optional.empty(), SignOnSettings.defaults(), CatalogueGrants.none());
    }
}

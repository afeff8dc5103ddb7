package org.aapf.application.service.catalogue;

import jakarta.inject.Inject;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.aapf.application.port.out.UserRepository;
import org.aapf.domain.catalogue.Catalogue;
import org.aapf.domain.user.User;
import org.aapf.domain.user.UserId;

/**
 * Catalogue visibility by provider groups: admins, local users and everybody when no grant is configured see the
 * whole catalogue; a user from single sign-on sees what the grants of their groups (at the latest sign-on) add up
 * to, so nothing when none of their groups has a grant.
 */
public final class GroupCatalogueVisibility implements CatalogueVisibility {

    private final UserRepository users;
    private final CatalogueGrants grants;

    @Inject
    public GroupCatalogueVisibility(UserRepository users, CatalogueGrants grants) {
        this.users = Objects.requireNonNull(users, "'users' must not be null");
        this.grants = Objects.requireNonNull(grants, "'grants' must not be null");
    }

    @Override
    public Catalogue visibleTo(UserId viewer, Catalogue full) {
        if (grants.isEmpty()) {
            return full;
        }
        Optional<User> user = users.findById(viewer);
        if (user.isEmpty()) {
            return Catalogue.empty();
        }
        if (user.get().isAdmin() || user.get().externalIdentity().isEmpty()) {
            return full;
        }
        List<CatalogueGrants.Grant> held = user.get().groups().stream()
                .map(group -> grants.byGroup().get(group)).filter(Objects::nonNull).toList();
        return full.restrictedTo(image -> held.stream().anyMatch(grant -> grant.allowsImage(image)),
                perfType -> held.stream().anyMatch(grant -> grant.allowsPerfType(perfType)));
    }
}

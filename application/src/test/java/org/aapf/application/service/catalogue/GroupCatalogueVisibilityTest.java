package org.aapf.application.service.catalogue;

import static org.aapf.application.testing.TestCatalogues.GPU;
import static org.aapf.application.testing.TestCatalogues.NOTEBOOK;
import static org.aapf.application.testing.TestCatalogues.SMALL;
import static org.aapf.application.testing.TestCatalogues.SPARK;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.aapf.application.service.catalogue.CatalogueGrants.Grant;
import org.aapf.application.testing.InMemoryApiTokenRepository;
import org.aapf.application.testing.InMemorySessionRepository;
import org.aapf.application.testing.InMemoryUserRepository;
import org.aapf.application.testing.TestCatalogues;
import org.aapf.domain.catalogue.Catalogue;
import org.aapf.domain.catalogue.Image;
import org.aapf.domain.catalogue.PerfType;
import org.aapf.domain.user.ExternalIdentity;
import org.aapf.domain.user.PasswordHash;
import org.aapf.domain.user.User;
import org.aapf.domain.user.Username;
import org.junit.jupiter.api.Test;

class GroupCatalogueVisibilityTest {

    private static final PasswordHash HASH = new PasswordHash("$argon2id$v=19$m=19456,t=2,p=1$c2FsdA$aGFzaA");
    private static final Instant NOW = Instant.parse("2026-12-04T12:00:00Z");

    private final InMemoryUserRepository users =
            new InMemoryUserRepository(new InMemorySessionRepository(), new InMemoryApiTokenRepository());
    private final CatalogueVisibility visibility = new GroupCatalogueVisibility(users, new CatalogueGrants(Map.of(
            "analysts", new Grant(Set.of(NOTEBOOK), Set.of(SMALL)),
            "gpu-team", new Grant(Set.of("*"), Set.of(GPU)))));

    private User fromProvider(String name, boolean admin, String... groups) {
        User user = User.signUp(new Username(name), HASH, new ExternalIdentity("https://idp", name), Set.of(groups),
                admin, NOW);
        users.add(user);
        return user;
    }

    private Catalogue seenBy(User user) {
        return visibility.visibleTo(user.id(), TestCatalogues.standard());
    }

    private static List<String> images(Catalogue catalogue) {
        return catalogue.images().stream().map(Image::repositoryName).toList();
    }

    private static List<String> perfTypes(Catalogue catalogue) {
        return catalogue.perfTypes().stream().map(PerfType::name).toList();
    }

    @Test
    void grantsOfAllTheUsersGroupsAddUp() {
        Catalogue seen = seenBy(fromProvider("bob", false, "analysts", "gpu-team"));
        assertEquals(List.of(NOTEBOOK, SPARK), images(seen));
        assertEquals(List.of(GPU, SMALL), perfTypes(seen));
        assertEquals(List.of(NOTEBOOK), images(seenBy(fromProvider("ann", false, "analysts"))));
    }

    @Test
    void aGroupWithoutAGrantSeesNothingButAdminsAndLocalUsersSeeEverything() {
        assertEquals(List.of(), images(seenBy(fromProvider("carol", false, "interns"))));
        assertEquals(List.of(NOTEBOOK, SPARK), images(seenBy(fromProvider("alice", true, "interns"))));
        User local = User.register(new Username("local"), HASH, NOW);
        users.add(local);
        assertEquals(List.of(GPU, SMALL), perfTypes(seenBy(local)));
    }

    @Test
    void withoutGrantsEverybodySeesEverything() {
        User carol = fromProvider("carol", false, "interns");
        assertEquals(List.of(NOTEBOOK, SPARK), images(new GroupCatalogueVisibility(users, CatalogueGrants.none())
                .visibleTo(carol.id(), TestCatalogues.standard())));
    }
}

package org.aapf.application.service.catalogue;

import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * The operator's mapping from groups of the identity provider to the images and performance types their members may
 * use; {@code "*"} in a list stands for everything. Without any grant, every user sees the whole catalogue.
 */
public record CatalogueGrants(Map<String, Grant> byGroup) {

    public static final String EVERYTHING = "*";

    public CatalogueGrants {
        byGroup = Map.copyOf(Objects.requireNonNull(byGroup, "'byGroup' must not be null"));
    }

    public static CatalogueGrants none() {
        return new CatalogueGrants(Map.of());
    }

    public boolean isEmpty() {
        return byGroup.isEmpty();
    }

    /** What one group's members may use: image repository names and performance type names. */
    public record Grant(Set<String> images, Set<String> perfTypes) {
        public Grant {
            images = Set.copyOf(Objects.requireNonNull(images, "'images' must not be null"));
            perfTypes = Set.copyOf(Objects.requireNonNull(perfTypes, "'perfTypes' must not be null"));
        }

        boolean allowsImage(String name) {
            return images.contains(EVERYTHING) || images.contains(name);
        }

        boolean allowsPerfType(String name) {
            return perfTypes.contains(EVERYTHING) || perfTypes.contains(name);
        }
    }
}

package org.aapf.application.service.catalogue;

import org.aapf.domain.catalogue.Catalogue;
import org.aapf.domain.user.UserId;

/** Which part of the catalogue a user sees and may build AAClusters from. */
@FunctionalInterface
public interface CatalogueVisibility {

    /** The part of {@code full} that {@code viewer} sees. */
    Catalogue visibleTo(UserId viewer, Catalogue full);

    /** Every user sees the whole catalogue. */
    static CatalogueVisibility everything() {
        return (viewer, full) -> full;
    }
}

package org.aapf.embedded.usecases;

import java.util.Objects;
import org.aapf.application.port.in.ListImagesQuery;
import org.aapf.application.port.in.ListPerfTypesQuery;

/** What users may choose from: the catalogue's images and performance types. */
public record CatalogueUseCases(ListImagesQuery images, ListPerfTypesQuery perfTypes) {

    public CatalogueUseCases {
        Objects.requireNonNull(images, "'images' must not be null");
        Objects.requireNonNull(perfTypes, "'perfTypes' must not be null");
    }
}

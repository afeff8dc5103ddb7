package org.aapf.application.service.catalogue;

import jakarta.inject.Inject;
import java.util.List;
import org.aapf.application.port.in.ImageView;
import org.aapf.application.port.in.ListImagesQuery;
import org.aapf.application.port.out.CatalogueSource;

/** Lists the catalogue's images, sorted by repository name. */
public final class ListImagesService implements ListImagesQuery {

    private final CatalogueSource catalogue;

    @Inject
    public ListImagesService(CatalogueSource catalogue) {
        this.catalogue = catalogue;
    }

    @Override
    public List<ImageView> list() {
        return catalogue.current().images().stream().map(ImageView::from).toList();
    }
}

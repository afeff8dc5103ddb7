package org.aapf.application.service.catalogue;

import jakarta.inject.Inject;
import java.util.List;
import org.aapf.application.port.in.ImageView;
import org.aapf.application.port.in.ListImagesQuery;
import org.aapf.application.port.out.CatalogueSource;
import org.aapf.domain.user.UserId;

/** Lists the catalogue's images, sorted by repository name. */
public final class ListImagesService implements ListImagesQuery {

    private final CatalogueSource catalogue;
    private final CatalogueVisibility visibility;

    @Inject
    public ListImagesService(CatalogueSource catalogue, CatalogueVisibility visibility) {
        this.catalogue = catalogue;
        this.visibility = visibility;
    }

    @Override
    public List<ImageView> list(UserId viewer) {
        return visibility.visibleTo(viewer, catalogue.current()).images().stream().map(ImageView::from).toList();
    }
}

package org.aapf.application.service.catalogue;

import jakarta.inject.Inject;
import java.util.List;
import org.aapf.application.port.in.ListPerfTypesQuery;
import org.aapf.application.port.in.PerfTypeView;
import org.aapf.application.port.out.CatalogueSource;
import org.aapf.domain.user.UserId;

/** Lists the catalogue's performance types, sorted by name. */
public final class ListPerfTypesService implements ListPerfTypesQuery {

    private final CatalogueSource catalogue;
    private final CatalogueVisibility visibility;

    @Inject
    public ListPerfTypesService(CatalogueSource catalogue, CatalogueVisibility visibility) {
        this.catalogue = catalogue;
        this.visibility = visibility;
    }

    @Override
    public List<PerfTypeView> list(UserId viewer) {
        return visibility.visibleTo(viewer, catalogue.current()).perfTypes().stream().map(PerfTypeView::from).toList();
    }
}

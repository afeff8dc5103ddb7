package org.aapf.application.service.catalogue;

import jakarta.inject.Inject;
import java.util.List;
import org.aapf.application.port.in.ListPerfTypesQuery;
import org.aapf.application.port.in.PerfTypeView;
import org.aapf.application.port.out.CatalogueSource;

/** Lists the catalogue's performance types, sorted by name. */
public final class ListPerfTypesService implements ListPerfTypesQuery {

    private final CatalogueSource catalogue;

    @Inject
    public ListPerfTypesService(CatalogueSource catalogue) {
        this.catalogue = catalogue;
    }

    @Override
    public List<PerfTypeView> list() {
        return catalogue.current().perfTypes().stream().map(PerfTypeView::from).toList();
    }
}

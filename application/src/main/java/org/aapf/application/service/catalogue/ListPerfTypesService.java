package org.aapf.application.service.catalogue;

import jakarta.inject.Inject;
import java.util.List;
import org.aapf.application.port.in.ListPerfTypesQuery;
import org.aapf.application.port.in.PerfTypeView;
import org.aapf.application.port.out.CatalogueSource;
import org.aapf.domain.user.UserId;

/** Lists the catalogue's performance types, sorted by name, each saying whether the backend can run it. */
public final class ListPerfTypesService implements ListPerfTypesQuery {

    private final CatalogueSource catalogue;
    private final CatalogueVisibility visibility;
    private final PerfTypeFit fit;

    @Inject
    public ListPerfTypesService(CatalogueSource catalogue, CatalogueVisibility visibility, PerfTypeFit fit) {
        this.catalogue = catalogue;
        this.visibility = visibility;
        this.fit = fit;
    }

    @Override
    public List<PerfTypeView> list(UserId viewer) {
        return visibility.visibleTo(viewer, catalogue.current()).perfTypes().stream()
                .map(type -> PerfTypeView.from(type, fit.whyNot(type)))
                .toList();
    }
}

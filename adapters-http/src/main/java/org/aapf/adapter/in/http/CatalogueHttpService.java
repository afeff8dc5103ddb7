package org.aapf.adapter.in.http;

import java.util.List;
import jakarta.inject.Inject;
import io.helidon.webserver.http.HttpRules;
import io.helidon.webserver.http.HttpService;
import io.helidon.webserver.http.ServerRequest;
import io.helidon.webserver.http.ServerResponse;
import org.aapf.application.port.in.ListImagesQuery;
import org.aapf.application.port.in.ListPerfTypesQuery;

/** The catalogue an AACluster is made from: the images and the performance types. */
public final class CatalogueHttpService implements HttpService {

    private final ListImagesQuery imagesQuery;
    private final ListPerfTypesQuery perfTypesQuery;

    @Inject
    public CatalogueHttpService(ListImagesQuery imagesQuery, ListPerfTypesQuery perfTypesQuery) {
        this.imagesQuery = imagesQuery;
        this.perfTypesQuery = perfTypesQuery;
    }

    @Override
    public void routing(HttpRules rules) {
        Endpoints.on(rules)
                .get("/images", this::listImages)
                .get("/perf-types", this::listPerfTypes)
                .otherMethodsNotAllowed();
    }

    private void listImages(ServerRequest req, ServerResponse res) {
        Json.send(res, new ImageList(imagesQuery.list(Caller.of(req).id()).stream().map(ImageBody::from).toList()));
    }

    private void listPerfTypes(ServerRequest req, ServerResponse res) {
        Json.send(res, new PerfTypeList(perfTypesQuery.list(Caller.of(req).id()).stream()
                .map(PerfTypeBody::withAvailability).toList()));
    }

    record ImageList(List<ImageBody> images) {
    }

    record PerfTypeList(List<PerfTypeBody> perfTypes) {
    }
}

package org.aapf.adapter.in.http;

import java.util.List;
import java.util.Optional;
import org.aapf.application.port.in.ImageView;
import org.aapf.application.port.in.ListImagesQuery;
import org.aapf.application.port.in.ListPerfTypesQuery;
import org.aapf.application.port.in.PerfTypeView;

/**
 * A catalogue the tests can replace: by default the reference's notebook image, a Spark image and two performance
 * types. The two queries have the same method signature, so they are handed out as separate objects.
 */
final class FakeCatalogue {

    static final ImageView NOTEBOOK = new ImageView("aa_jupyter_notebook", "Jupyter Notebook",
            "Standard Jupyter Notebook image provided by AAPF.");
    static final ImageView SPARK = new ImageView("aa_spark", "Apache Spark", "Spark master and worker.");
    static final PerfTypeView SMALL = new PerfTypeView("small", "Small", 0.5, 1024, Optional.empty());
    static final PerfTypeView GPU = new PerfTypeView("z-gpu", "One GPU", 4, 16384, Optional.of(1));

    volatile List<ImageView> images = List.of(NOTEBOOK, SPARK);
    volatile List<PerfTypeView> perfTypes = List.of(SMALL, GPU);

    ListImagesQuery imagesQuery() {
        return viewer -> images;
    }

    ListPerfTypesQuery perfTypesQuery() {
        return viewer -> perfTypes;
    }

    Optional<ImageView> image(String repositoryName) {
        return images.stream().filter(it -> it.repositoryName().equals(repositoryName)).findFirst();
    }

    Optional<PerfTypeView> perfType(String name) {
        return perfTypes.stream().filter(it -> it.name().equals(name)).findFirst();
    }
}

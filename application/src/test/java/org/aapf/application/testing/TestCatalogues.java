package org.aapf.application.testing;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.aapf.domain.catalogue.Catalogue;
import org.aapf.domain.catalogue.Image;
import org.aapf.domain.catalogue.LaunchSpec;
import org.aapf.domain.catalogue.PerfType;
import org.aapf.domain.catalogue.Resources;
import org.aapf.domain.cluster.ServiceKind;

/** A catalogue like the default one: a notebook image, a Spark image (master or worker), small and GPU types. */
public final class TestCatalogues {

    public static final String NOTEBOOK = "aa_jupyter_notebook";
    public static final String SPARK = "aa_spark";
    public static final String SMALL = "small";
    public static final String GPU = "gpu-small";

    private TestCatalogues() {
    }

    public static Catalogue standard() {
        return Catalogue.of(List.of(notebook(), spark()), List.of(
                new PerfType(SMALL, "Small", new Resources(0.5, 1024, Optional.empty())),
                new PerfType(GPU, "Small with a GPU", new Resources(2, 8192, Optional.of(1)))));
    }

    public static Image notebook() {
        return Image.of(NOTEBOOK, "Jupyter Notebook", "Standard Jupyter Notebook image provided by AAPF.",
                "quay.io/jupyter/base-notebook:2024-05-06",
                new LaunchSpec(List.of("start-notebook.py", "--ServerApp.base_url={baseUrl}",
                        "--IdentityProvider.token={token}", "--ServerApp.port={port}"),
                        Map.of("JUPYTER_PORT", "{port}"), 8888, Optional.of("{baseUrl}/api/status")));
    }

    public static Image spark() {
        LaunchSpec master = new LaunchSpec(List.of("/opt/spark/bin/spark-class",
                "org.apache.spark.deploy.master.Master", "--webui-port", "{port}"), Map.of(), 8080, Optional.of("/"));
        LaunchSpec worker = new LaunchSpec(List.of("/opt/spark/bin/spark-class",
                "org.apache.spark.deploy.worker.Worker", "--webui-port", "{port}", "spark://spark-master:7077"),
                Map.of(), 8081, Optional.of("/"));
        return new Image(SPARK, "Apache Spark", "Spark master and workers.", "apache/spark:3.5.1", master,
                Map.of(ServiceKind.SPARK_WORKER, worker));
    }
}

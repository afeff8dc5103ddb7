package org.aapf.adapter.in.http;

import static org.aapf.adapter.in.http.ApiTestServer.assertJsonInOrder;

import java.util.List;
import java.util.Optional;
import org.aapf.application.port.in.PerfTypeView;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class CatalogueHttpServiceTest {

    private final ApiTestServer api = new ApiTestServer();

    @AfterEach
    void stop() {
        api.close();
    }

    @Test
    void images_listsEveryImageLikeTheReference() {
        assertJsonInOrder(200, """
                {"images": [{"repositoryName": "aa_jupyter_notebook", "displayName": "Jupyter Notebook",
                             "description": "Standard Jupyter Notebook image provided by AAPF."},
                            {"repositoryName": "aa_spark", "displayName": "Apache Spark",
                             "description": "Spark master and worker."}]}""",
                api.send("GET", "/api/v1/images", null));
    }

    @Test
    void givenNoImages_listIsEmpty() {
        api.catalogue.images = List.of();

        assertJsonInOrder(200, "{\"images\": []}", api.send("GET", "/api/v1/images", null));
    }

    @Test
    void perfTypes_showTheReferenceExampleExactly() {
        api.catalogue.perfTypes = List.of(new PerfTypeView("0010_micro", "Micro (Fixed Performance)", 0.25, 512,
                Optional.empty()));

        assertJsonInOrder(200, """
                {"perfTypes": [{"name": "0010_micro", "displayName": "Micro (Fixed Performance)",
                                "resources": {"cpu": 0.25, "memory": 512, "nvidia.com/gpu": null}}]}""",
                api.send("GET", "/api/v1/perf-types", null));
    }

    @Test
    void perfTypes_showGpuCountWhenThereIsOne() {
        assertJsonInOrder(200, """
                {"perfTypes": [{"name": "small", "displayName": "Small",
                                "resources": {"cpu": 0.5, "memory": 1024, "nvidia.com/gpu": null}},
                               {"name": "z-gpu", "displayName": "One GPU",
                                "resources": {"cpu": 4.0, "memory": 16384, "nvidia.com/gpu": 1}}]}""",
                api.send("GET", "/api/v1/perf-types", null));
    }

    @Test
    void perfTypeTheBackendCannotRun_saysSoAndWhy() {
        api.catalogue.perfTypes = List.of(new PerfTypeView("large", "Large", 4, 16384, Optional.empty(),
                Optional.of("it needs 4 CPU; the most any host has is 2 CPU (the Docker host).")));

        assertJsonInOrder(200, """
                {"perfTypes": [{"name": "large", "displayName": "Large",
                                "resources": {"cpu": 4.0, "memory": 16384, "nvidia.com/gpu": null},
                                "available": false,
                                "unavailableReason": "it needs 4 CPU; the most any host has is 2 CPU (the Docker host)."}]}""",
                api.send("GET", "/api/v1/perf-types", null));
    }

    @Test
    void givenNoPerfTypes_listIsEmpty() {
        api.catalogue.perfTypes = List.of();

        assertJsonInOrder(200, "{\"perfTypes\": []}", api.send("GET", "/api/v1/perf-types", null));
    }
}

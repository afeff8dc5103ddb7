package org.aapf.embedded.catalogue;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.aapf.domain.catalogue.Catalogue;
import org.aapf.domain.catalogue.Image;
import org.aapf.domain.catalogue.LaunchSpec;
import org.aapf.domain.catalogue.PerfType;
import org.aapf.domain.catalogue.Placeholders;
import org.aapf.domain.cluster.ServiceKind;
import org.junit.jupiter.api.Test;

class CatalogueFileTest {

    @Test
    void defaultCatalogue_holdsTheReferenceImageSparkAndSmallAndAGpuType() {
        Catalogue catalogue = ReloadingCatalogueSource.defaultCatalogue();

        assertEquals(List.of("aa_jupyter_notebook", "aa_spark"),
                catalogue.images().stream().map(Image::repositoryName).toList());
        PerfType small = catalogue.perfType("small");
        assertEquals(0.5, small.resources().cpu());
        assertEquals(1024, small.resources().memoryMiB());
        assertEquals(Optional.empty(), small.resources().gpus());
        assertTrue(catalogue.perfTypes().stream().anyMatch(type -> type.resources().gpuCount() > 0));
    }

    @Test
    void defaultNotebookLaunch_carriesTheBaseUrl_theTokenOnlyInItsEnvironment_neverInTheProbe() {
        Image notebook = ReloadingCatalogueSource.defaultCatalogue().image("aa_jupyter_notebook");
        String token = "f".repeat(48);
        Placeholders values = new Placeholders("/proxy/abcdefghij/jupyter", token, 8888);
        LaunchSpec launch = notebook.launchFor(ServiceKind.JUPYTER_NOTEBOOK);

        List<String> command = launch.commandFor(values);

        assertTrue(command.contains("--NotebookApp.base_url=/proxy/abcdefghij/jupyter"), command.toString());
        assertTrue(command.stream().noneMatch(argument -> argument.contains(token)), command.toString());
        assertEquals(Map.of("JUPYTER_TOKEN", token), launch.envFor(values));
        assertEquals(Optional.of("/proxy/abcdefghij/jupyter/api"), launch.healthPathFor(values));
    }

    @Test
    void sparkImage_startsDifferentlyAsMasterAndWorker() {
        Image spark = ReloadingCatalogueSource.defaultCatalogue().image("aa_spark");

        assertTrue(spark.launchFor(ServiceKind.SPARK_MASTER).command().contains("org.apache.spark.deploy.master.Master"));
        assertTrue(spark.launchFor(ServiceKind.SPARK_WORKER).command().contains("org.apache.spark.deploy.worker.Worker"));
    }

    @Test
    void sparkWorker_registersByHostnameWithThePerformanceTypesCoresAndMemory() {
        Catalogue catalogue = ReloadingCatalogueSource.defaultCatalogue();
        Placeholders values = new Placeholders("", "", 8081, "spark-worker-2",
                catalogue.perfType("medium").resources());

        List<String> command = catalogue.image("aa_spark").launchFor(ServiceKind.SPARK_WORKER).commandFor(values);

        assertEquals(List.of("spark-class", "org.apache.spark.deploy.worker.Worker", "--host", "spark-worker-2",
                "--webui-port", "8081", "--cores", "2", "--memory", "4096m", "spark://spark-master:7077"), command);
        assertEquals(Optional.of("/json/"),
                catalogue.image("aa_spark").launchFor(ServiceKind.SPARK_MASTER).healthPathFor(values));
    }

    @Test
    void unknownKey_isRefusedWithItsPath() {
        CatalogueException error = assertThrows(CatalogueException.class, () -> parse("""
                images: []
                perfTypes:
                  - name: small
                    displayName: Small
                    resources: {cpu: 1, memory: 512, gpu: 1}
                """));

        assertTrue(error.getMessage().contains("perfTypes[0].resources.gpu"), error.getMessage());
    }

    @Test
    void invalidValue_isRefusedWithTheDomainsMessage() {
        CatalogueException error = assertThrows(CatalogueException.class, () -> parse("""
                perfTypes:
                  - name: small
                    displayName: Small
                    resources: {cpu: 0, memory: 512}
                """));

        assertTrue(error.getMessage().contains("'cpu' must be > 0"), error.getMessage());
    }

    @Test
    void unknownServiceInLaunchByService_isRefused() {
        CatalogueException error = assertThrows(CatalogueException.class, () -> parse("""
                images:
                  - repositoryName: x
                    displayName: X
                    reference: x:1
                    launch: {httpPort: 80}
                    launchByService:
                      spark-driver: {httpPort: 80}
                """));

        assertTrue(error.getMessage().contains("spark-driver"), error.getMessage());
    }

    private static Catalogue parse(String yaml) {
        return CatalogueFile.parse(new ByteArrayInputStream(yaml.getBytes(StandardCharsets.UTF_8)), "test.yaml");
    }
}

package org.aapf.domain.catalogue;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.aapf.domain.cluster.ServiceKind;
import org.aapf.domain.error.AapfException;
import org.aapf.domain.error.ErrorReason;
import org.junit.jupiter.api.Test;

class CatalogueTest {

    private static final LaunchSpec PLAIN = new LaunchSpec(List.of(), Map.of(), 8080, Optional.empty());
    private static final Resources SMALL = new Resources(0.5, 1024, Optional.empty());

    private final Catalogue catalogue = Catalogue.of(
            List.of(Image.of("zeta", "Z", "", "z:1", PLAIN), Image.of("alpha", "A", "", "a:1", PLAIN)),
            List.of(new PerfType("small", "Small", SMALL), new PerfType("large", "Large", SMALL)));

    @Test
    void listsAreSortedByName() {
        assertEquals(List.of("alpha", "zeta"), catalogue.images().stream().map(Image::repositoryName).toList());
        assertEquals(List.of("large", "small"), catalogue.perfTypes().stream().map(PerfType::name).toList());
    }

    @Test
    void unknownNames_areInvalidInputWithTheApiMessages() {
        AapfException image = assertThrows(AapfException.class, () -> catalogue.image("nope"));
        AapfException type = assertThrows(AapfException.class, () -> catalogue.perfType("huge"));

        assertEquals(ErrorReason.INVALID_INPUT, image.reason());
        assertEquals("Unknown image 'nope'.", image.getMessage());
        assertEquals("Unknown performance type 'huge'.", type.getMessage());
    }

    @Test
    void duplicateNames_areRejected() {
        assertThrows(IllegalArgumentException.class, () -> Catalogue.of(
                List.of(Image.of("a", "A", "", "a:1", PLAIN), Image.of("a", "B", "", "b:1", PLAIN)), List.of()));
    }

    @Test
    void hostnameAndResourcePlaceholders_giveWholeCoresRoundedUp() {
        LaunchSpec launch = new LaunchSpec(List.of("--host", "{hostname}", "--cores", "{cpus}", "--memory",
                "{memoryMiB}m"), Map.of(), 8081, Optional.empty());
        Placeholders values = new Placeholders("", "", 8081, "spark-worker-2",
                new Resources(0.5, 1024, Optional.empty()));

        assertEquals(List.of("--host", "spark-worker-2", "--cores", "1", "--memory", "1024m"),
                launch.commandFor(values));
        assertEquals(3, new Placeholders("", "", 1, "", new Resources(2.5, 1, Optional.empty())).cpus());
    }

    @Test
    void placeholdersAreSubstitutedInCommandEnvAndHealthPath() {
        LaunchSpec launch = new LaunchSpec(List.of("run", "--base={baseUrl}", "--token={token}", "--port={port}"),
                Map.of("TOKEN", "{token}"), 8888, Optional.of("{baseUrl}/api/status"));
        Placeholders values = new Placeholders("/proxy/abc/jupyter", "s3cret", 8888);

        assertEquals(List.of("run", "--base=/proxy/abc/jupyter", "--token=s3cret", "--port=8888"),
                launch.commandFor(values));
        assertEquals(Map.of("TOKEN", "s3cret"), launch.envFor(values));
        assertEquals(Optional.of("/proxy/abc/jupyter/api/status"), launch.healthPathFor(values));
        assertEquals(Optional.of("/api/status"), launch.healthPathFor(new Placeholders("", "", 8080)));
    }

    @Test
    void aHealthPathWithTheTokenIsRefused() {
        IllegalArgumentException refused = assertThrows(IllegalArgumentException.class, () -> new LaunchSpec(
                List.of(), Map.of(), 8888, Optional.of("{baseUrl}/api/status?token={token}")));

        assertTrue(refused.getMessage().startsWith("'healthPath' must not contain {token}"), refused.getMessage());
    }

    @Test
    void perServiceLaunchOverridesTheDefault() {
        LaunchSpec worker = new LaunchSpec(List.of("worker"), Map.of(), 8081, Optional.empty());
        Image spark = new Image("spark", "Spark", "", "spark:3", PLAIN, Map.of(ServiceKind.SPARK_WORKER, worker));

        assertEquals(worker, spark.launchFor(ServiceKind.SPARK_WORKER));
        assertEquals(PLAIN, spark.launchFor(ServiceKind.SPARK_MASTER));
    }
}

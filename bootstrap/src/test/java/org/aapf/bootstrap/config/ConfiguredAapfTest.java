package org.aapf.bootstrap.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** When the server warns that it cannot safely be one of several replicas. */
class ConfiguredAapfTest {

    private static final Map<String, String> IN_A_POD = Map.of("KUBERNETES_SERVICE_HOST", "10.96.0.1");

    private final ConfigLoader loader = new ConfigLoader();

    @Test
    void embeddedH2InAKubernetesPod_warnsToRunOneReplicaOrUsePostgres() {
        AapfConfig h2 = loader.load(Optional.empty(), Map.of());

        String warning = ConfiguredAapf.replicaWarning(h2, IN_A_POD).orElseThrow();

        assertTrue(warning.contains("exactly one replica"), warning);
        assertTrue(warning.contains("'database.url' (AAPF_DB_URL)"), warning);
        assertTrue(warning.contains("PostgreSQL"), warning);
    }

    @Test
    void postgresInAPod_orH2OutsideKubernetes_needNoWarning() {
        AapfConfig postgres = loader.load(Optional.empty(), Map.of("AAPF_DB_URL", "jdbc:postgresql://db/aapf"));
        AapfConfig h2 = loader.load(Optional.empty(), Map.of());

        assertEquals(Optional.empty(), ConfiguredAapf.replicaWarning(postgres, IN_A_POD));
        assertEquals(Optional.empty(), ConfiguredAapf.replicaWarning(h2, Map.of()));
    }
}

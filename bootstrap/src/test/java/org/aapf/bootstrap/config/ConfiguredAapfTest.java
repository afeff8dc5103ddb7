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

    @Test
    void theNotebookPortFallback_warnsThatNotebooksShareOneOrigin() {
        AapfConfig shared = loader.load(Optional.empty(),
                Map.of("AAPF_NOTEBOOK_DOMAIN", "", "AAPF_NOTEBOOK_PORT", "3001", "AAPF_HOST", "127.0.0.1"));

        String warning = ConfiguredAapf.notebookIsolationWarning(shared).orElseThrow();

        assertTrue(warning.contains("port 3001, one browser origin shared by every notebook"), warning);
        assertTrue(warning.contains("'proxy.notebookDomain' (AAPF_NOTEBOOK_DOMAIN)"), warning);
    }

    @Test
    void notebooksUnderLocalhost_warnOnlyWhenTheServerListensBeyondLoopback() {
        AapfConfig local = loader.load(Optional.empty(), Map.of("AAPF_HOST", "127.0.0.1"));
        AapfConfig everywhere = loader.load(Optional.empty(), Map.of("AAPF_HOST", "0.0.0.0"));
        AapfConfig wildcard = loader.load(Optional.empty(),
                Map.of("AAPF_HOST", "0.0.0.0", "AAPF_NOTEBOOK_DOMAIN", "nb.example.com"));

        assertEquals(Optional.empty(), ConfiguredAapf.notebookIsolationWarning(local));
        assertTrue(ConfiguredAapf.notebookIsolationWarning(everywhere).orElseThrow().contains("only a browser on this"));
        assertEquals(Optional.empty(), ConfiguredAapf.notebookIsolationWarning(wildcard));
    }

    @Test
    void neitherANotebookDomainNorAPort_isRefusedNamingTheKeys() {
        ConfigException refused = org.junit.jupiter.api.Assertions.assertThrows(ConfigException.class,
                () -> loader.load(Optional.empty(), Map.of("AAPF_NOTEBOOK_DOMAIN", "")));

        assertTrue(refused.getMessage().contains("'proxy.notebookDomain' or 'proxy.notebookPort' must be set"),
                refused.getMessage());
    }
}

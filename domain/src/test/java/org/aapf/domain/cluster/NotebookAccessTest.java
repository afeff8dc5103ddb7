package org.aapf.domain.cluster;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.aapf.domain.error.AapfException;
import org.junit.jupiter.api.Test;

class NotebookAccessTest {

    @Test
    void proxyIdsAreTwentyRandomLowercaseAlphanumerics() {
        ProxyId a = ProxyId.random();
        assertTrue(a.value().matches("[a-z0-9]{20}"));
        assertNotEquals(a, ProxyId.random());
        assertEquals("/proxy/" + a.value() + "/jupyter", a.urlPath());
    }

    @Test
    void shortOrUppercaseProxyIds_areRejected() {
        assertThrows(IllegalArgumentException.class, () -> new ProxyId("abc123"));
        assertThrows(IllegalArgumentException.class, () -> new ProxyId("ABCDEFGHIJKL"));
        assertEquals("abcdefg123", new ProxyId("abcdefg123").value());
    }

    @Test
    void tokensAre48HexCharacters_andNeverPrinted() {
        JupyterToken token = JupyterToken.random();
        assertTrue(token.value().matches("[0-9a-f]{48}"));
        assertFalse(token.toString().contains(token.value()));
        assertThrows(IllegalArgumentException.class, () -> new JupyterToken("abc"));
    }

    @Test
    void clusterNamesFollowTheDisplayNameRule() {
        assertEquals("my cluster", new ClusterName("my cluster").value());
        AapfException error = assertThrows(AapfException.class, () -> new ClusterName("a/b"));
        assertEquals("'nameOfAACluster' must not contain '/'", error.getMessage());
    }
}

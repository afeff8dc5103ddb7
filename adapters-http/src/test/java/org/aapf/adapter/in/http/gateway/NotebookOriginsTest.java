package org.aapf.adapter.in.http.gateway;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.Optional;
import java.util.Set;

import org.junit.jupiter.api.Test;

class NotebookOriginsTest {

    private static NotebookOrigins origins(String domain, int port) {
        return new NotebookOrigins(new ProxySettings(Duration.ofSeconds(1), Duration.ofSeconds(1), Set.of(), domain,
                port));
    }

    @Test
    void aHostUnderTheDomainIsThatNotebooksSite_anyOtherIsAapfs() {
        NotebookOrigins origins = origins("nb.example.com", 0);

        assertEquals(Site.notebook("abc1"), origins.siteOf(Optional.of("ABC1.nb.example.com"), false));
        assertEquals(Site.notebook("abc1"), origins.siteOf(Optional.of("abc1.nb.example.com.:443"), false));
        assertEquals(Site.notebook(""), origins.siteOf(Optional.of("a.b.nb.example.com"), false));
        assertEquals(Site.AAPF, origins.siteOf(Optional.of("nb.example.com"), false));
        assertEquals(Site.AAPF, origins.siteOf(Optional.of("aapf.example.com"), false));
        assertEquals(Site.AAPF, origins.siteOf(Optional.empty(), false));
    }

    @Test
    void theNotebookPortIsTheSharedNotebookSite() {
        NotebookOrigins origins = origins("", 3001);

        assertEquals(Site.SHARED_NOTEBOOKS, origins.siteOf(Optional.of("localhost:3000"), true));
        assertEquals(Site.SHARED_NOTEBOOKS, origins.siteOf(Optional.of("localhost:3001"), false));
        assertEquals(Site.AAPF, origins.siteOf(Optional.of("localhost:3000"), false));
        assertEquals(Optional.of("http://aapf.example.com:3001/proxy/p/jupyter/tree"),
                origins.location("p", Optional.of("aapf.example.com:3000"), Optional.empty(), "/proxy/p/jupyter/tree"));
    }

    @Test
    void locationKeepsThePortAndTakesTheSchemeFromXForwardedProto() {
        NotebookOrigins origins = origins("nb.example.com", 0);

        assertEquals(Optional.of("https://p.nb.example.com/proxy/p/jupyter/"),
                origins.location("p", Optional.of("aapf.example.com"), Optional.of("https"), "/proxy/p/jupyter/"));
        assertEquals(Optional.of("http://p.nb.example.com:8080/proxy/p/jupyter"),
                origins.location("p", Optional.of("aapf.example.com:8080"), Optional.of("gopher"), "/proxy/p/jupyter"));
        assertEquals(Optional.empty(), origins.location("p", Optional.empty(), Optional.empty(), "/proxy/p/jupyter"));
    }

    @Test
    void navigationIsSecFetchModeNavigate_orAnOldBrowsersHtmlGet() {
        assertTrue(NotebookOrigins.isNavigation("GET", Optional.of("navigate"), Optional.empty()));
        assertFalse(NotebookOrigins.isNavigation("GET", Optional.of("cors"), Optional.of("text/html")));
        assertFalse(NotebookOrigins.isNavigation("GET", Optional.of("no-cors"), Optional.of("text/html")));
        assertTrue(NotebookOrigins.isNavigation("GET", Optional.empty(), Optional.of("text/html,*/*;q=0.8")));
        assertFalse(NotebookOrigins.isNavigation("GET", Optional.empty(), Optional.of("*/*")));
        assertFalse(NotebookOrigins.isNavigation("GET", Optional.empty(), Optional.empty()));
    }

    @Test
    void aapfsOriginSeenFromANotebookOrigin() {
        NotebookOrigins local = origins("localhost", 0);
        Site site = Site.notebook("p");
        Optional<String> host = Optional.of("p.localhost:3000");

        assertTrue(local.isAapfOrigin("http://localhost:3000", site, host));
        assertTrue(local.isAapfOrigin("http://127.0.0.1:3000", site, host));
        assertFalse(local.isAapfOrigin("http://localhost:3001", site, host));
        assertFalse(local.isAapfOrigin("http://q.localhost:3000", site, host));
        assertTrue(origins("aapf.example.com", 0).isAapfOrigin("https://aapf.example.com", site,
                Optional.of("p.aapf.example.com")));
        assertFalse(origins("nb.example.com", 0).isAapfOrigin("https://127.0.0.1", site,
                Optional.of("p.nb.example.com")));
    }

    @Test
    void settingsRefuseAMissingOrMalformedNotebookOrigin() {
        IllegalArgumentException neither = assertThrows(IllegalArgumentException.class, () -> origins("", 0));
        assertTrue(neither.getMessage().contains("'notebookDomain' or 'notebookPort' must be set"));
        assertThrows(IllegalArgumentException.class, () -> origins("https://nb.example.com", 0));
        assertThrows(IllegalArgumentException.class, () -> origins("*.nb.example.com", 0));
        assertThrows(IllegalArgumentException.class, () -> origins("localhost", 70000));
    }
}

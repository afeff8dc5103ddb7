package org.aapf.bootstrap.doctor;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.aapf.application.port.out.WarmInstance;
import org.aapf.domain.catalogue.Catalogue;
import org.aapf.domain.catalogue.WarmPool;
import org.aapf.embedded.catalogue.ReloadingCatalogueSource;
import org.junit.jupiter.api.Test;

class PoolFindingTest {

    private static final Instant T0 = Instant.parse("2026-12-04T22:00:00Z");
    private static final Catalogue SHIPPED = ReloadingCatalogueSource.defaultCatalogue();

    @Test
    void shippedCatalogueHasNoPools() {
        assertEquals("none configured (every create starts its notebook)", PoolFinding.of(SHIPPED, List.of(), true)
                .detail());
    }

    @Test
    void eachPoolIsListedWithItsReadyStartingAndTakenInstances() {
        Catalogue pooled = SHIPPED.withPools(List.of(new WarmPool("aa_jupyter_notebook", "small", 2)));
        WarmInstance starting = WarmInstance.starting("aa_jupyter_notebook/small", "aa_jupyter_notebook", "small", T0);
        WarmInstance ready = with(starting(), Optional.of(T0), Optional.empty());
        WarmInstance claimed = with(starting(), Optional.of(T0), Optional.of(T0));

        String detail = PoolFinding.of(pooled, List.of(starting, ready, claimed), true).detail();

        assertTrue(detail.contains("aa_jupyter_notebook/small: size 2, 1 ready, 1 starting, 1 being taken over;"
                + " starts copy workspaces up to 16 MiB into a warm instance"), detail);
    }

    @Test
    void startsAreColdWhereTheBackendCannotCopyOrThePoolSaysSo() {
        WarmPool pool = new WarmPool("aa_jupyter_notebook", "small", 2);

        assertEquals("starts are cold (this backend cannot copy a workspace into a running instance)",
                PoolFinding.starts(pool, false));
        assertEquals("starts are cold (maxStartCopyMiB: 0)",
                PoolFinding.starts(new WarmPool("aa_jupyter_notebook", "small", 2, 0), true));
    }

    private static WarmInstance starting() {
        return WarmInstance.starting("aa_jupyter_notebook/small", "aa_jupyter_notebook", "small", T0);
    }

    private static WarmInstance with(WarmInstance instance, Optional<Instant> readyAt, Optional<Instant> claimedAt) {
        return new WarmInstance(instance.id(), instance.pool(), instance.image(), instance.perfType(),
                instance.access(), instance.createdAt(), readyAt, claimedAt);
    }
}

package org.aapf.domain.catalogue;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class WarmPoolTest {

    private static final Catalogue CATALOGUE = Catalogue.of(List.of(Image.of("nb", "Notebook", "",
            "aapf/nb:1", new LaunchSpec(List.of(), Map.of(), 8888, Optional.empty()))),
            List.of(new PerfType("small", "Small", new Resources(0.5, 512, Optional.empty()))));

    @Test
    void catalogueFindsThePoolOfAnImageAndPerfTypeOnlyWhenItHoldsInstances() {
        Catalogue pooled = CATALOGUE.withPools(List.of(new WarmPool("nb", "small", 2)));

        assertEquals(Optional.of(new WarmPool("nb", "small", 2)), pooled.poolFor("nb", "small"));
        assertTrue(pooled.poolFor("nb", "large").isEmpty());
        assertTrue(CATALOGUE.withPools(List.of(new WarmPool("nb", "small", 0))).poolFor("nb", "small").isEmpty());
        assertEquals(List.of(), CATALOGUE.pools(), "no pools by default");
    }

    @Test
    void poolsMustNameCatalogueEntriesOnceAndHaveASaneSize() {
        assertThrows(IllegalArgumentException.class,
                () -> CATALOGUE.withPools(List.of(new WarmPool("other", "small", 1))));
        assertThrows(IllegalArgumentException.class,
                () -> CATALOGUE.withPools(List.of(new WarmPool("nb", "huge", 1))));
        assertThrows(IllegalArgumentException.class, () -> CATALOGUE.withPools(List.of(
                new WarmPool("nb", "small", 1), new WarmPool("nb", "small", 2))));
        assertEquals("'size' must be between 0 and 100",
                assertThrows(IllegalArgumentException.class, () -> new WarmPool("nb", "small", -1)).getMessage());
        assertThrows(IllegalArgumentException.class, () -> new WarmPool("nb", "small", 101));
    }
}

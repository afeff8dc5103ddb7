package org.aapf.domain.quota;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import org.aapf.domain.catalogue.Resources;
import org.junit.jupiter.api.Test;

class LimitsTest {

    private static final Limits FOUR_CPU = Limits.of(Map.of(LimitKind.CPU, 4000L, LimitKind.CLUSTERS, 5L));

    @Test
    void requestBeyondTheCpuBound_isRefusedNamingLimitRequestAndUse() {
        Usage current = new Usage(2, 3500, 1024, 0);
        Usage after = current.plus(Usage.ofInstances(new Resources(1, 512, Optional.empty()), 1));

        assertEquals(Optional.of("Over your limit maxCpu: creating AACluster 'big' needs 1 CPU; you use 3.5 of your"
                + " 4 CPU."), FOUR_CPU.refusal("creating AACluster 'big'", current, after));
    }

    @Test
    void requestUpToTheBound_passes() {
        Usage current = new Usage(4, 3500, 0, 0);
        Usage after = current.plus(Usage.oneCluster()).plus(new Usage(0, 500, 0, 0));

        assertEquals(Optional.empty(), FOUR_CPU.refusal("x", current, after));
    }

    @Test
    void clusterCountBeyondItsBound_isRefusedWithPlurals() {
        Usage current = new Usage(5, 0, 0, 0);

        assertEquals(Optional.of("Over your limit maxClusters: creating AACluster 'six' needs 1 AACluster; you use 5"
                + " of your 5 AAClusters."), FOUR_CPU.refusal("creating AACluster 'six'", current,
                current.plus(Usage.oneCluster())));
    }

    @Test
    void shrinkingWhileOverALoweredBound_passes() {
        Usage current = new Usage(9, 8000, 0, 0);

        assertEquals(Optional.empty(), FOUR_CPU.refusal("resizing", current, new Usage(9, 6000, 0, 0)));
    }

    @Test
    void overridesReplaceOnlyTheKindsTheyName() {
        Limits merged = FOUR_CPU.overriddenBy(Limits.of(Map.of(LimitKind.CLUSTERS, 9L, LimitKind.GPUS, 0L)));

        assertEquals(OptionalLong.of(9), merged.bound(LimitKind.CLUSTERS));
        assertEquals(OptionalLong.of(4000), merged.bound(LimitKind.CPU));
        assertEquals(OptionalLong.of(0), merged.bound(LimitKind.GPUS));
        assertEquals(OptionalLong.empty(), merged.bound(LimitKind.MEMORY));
        assertTrue(Limits.NONE.overriddenBy(Limits.NONE).isEmpty());
    }

    @Test
    void negativeBound_isRefusedNamingTheField() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> Limits.of(Map.of(LimitKind.MEMORY, -1L)));
        assertEquals("'maxMemoryMiB' must be >= 0", e.getMessage());
    }

    @Test
    void fractionalCoresAddUpExactly() {
        Usage tenths = Usage.ofInstances(new Resources(0.1, 1, Optional.of(1)), 3);

        assertEquals(300, tenths.milliCpu());
        assertEquals("0.3", LimitKind.CPU.format(tenths.milliCpu()));
        assertEquals("3 GPUs", LimitKind.GPUS.describe(tenths.gpus()));
    }
}

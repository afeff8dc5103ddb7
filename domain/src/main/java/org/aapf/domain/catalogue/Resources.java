package org.aapf.domain.catalogue;

import java.util.Optional;

/**
 * What one instance of a performance type gets.
 *
 * @param cpu cores, may be fractional
 * @param memoryMiB memory in MiB
 * @param gpus {@code nvidia.com/gpu} count, empty when the type has none
 */
public record Resources(double cpu, long memoryMiB, Optional<Integer> gpus) {

    public Resources {
        if (!(cpu > 0) || Double.isInfinite(cpu)) {
            throw new IllegalArgumentException("'cpu' must be > 0");
        }
        if (memoryMiB <= 0) {
            throw new IllegalArgumentException("'memory' must be > 0");
        }
        if (gpus == null) {
            throw new IllegalArgumentException("'nvidia.com/gpu' must not be null (use empty)");
        }
        if (gpus.isPresent() && gpus.get() < 0) {
            throw new IllegalArgumentException("'nvidia.com/gpu' must be >= 0");
        }
    }

    /** The number of GPUs, 0 when none. */
    public int gpuCount() {
        return gpus.orElse(0);
    }
}

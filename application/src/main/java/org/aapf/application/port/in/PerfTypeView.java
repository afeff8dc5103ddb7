package org.aapf.application.port.in;

import java.util.Optional;
import org.aapf.domain.catalogue.PerfType;

/**
 * A performance type as the API shows it: {@code {name, displayName, resources: {cpu, memory, "nvidia.com/gpu"}}}.
 *
 * @param cpu cores
 * @param memoryMiB {@code memory}, in MiB
 * @param gpus {@code nvidia.com/gpu}; empty renders as {@code null}
 */
public record PerfTypeView(String name, String displayName, double cpu, long memoryMiB, Optional<Integer> gpus) {

    public static PerfTypeView from(PerfType type) {
        return new PerfTypeView(type.name(), type.displayName(), type.resources().cpu(), type.resources().memoryMiB(),
                type.resources().gpus());
    }
}

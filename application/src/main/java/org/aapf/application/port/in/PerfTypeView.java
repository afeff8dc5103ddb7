package org.aapf.application.port.in;

import java.util.Optional;
import org.aapf.domain.catalogue.PerfType;

/**
 * A performance type as the API shows it: {@code {name, displayName, resources: {cpu, memory, "nvidia.com/gpu"}}}.
 *
 * @param cpu cores
 * @param memoryMiB {@code memory}, in MiB
 * @param gpus {@code nvidia.com/gpu}; empty renders as {@code null}
 * @param unavailable why the backend can never run an instance of this type; empty when it can, or when this view
 *     is part of a cluster and availability was not asked
 */
public record PerfTypeView(String name, String displayName, double cpu, long memoryMiB, Optional<Integer> gpus,
        Optional<String> unavailable) {

    /** A view that says nothing about availability. */
    public PerfTypeView(String name, String displayName, double cpu, long memoryMiB, Optional<Integer> gpus) {
        this(name, displayName, cpu, memoryMiB, gpus, Optional.empty());
    }

    public static PerfTypeView from(PerfType type) {
        return from(type, Optional.empty());
    }

    public static PerfTypeView from(PerfType type, Optional<String> unavailable) {
        return new PerfTypeView(type.name(), type.displayName(), type.resources().cpu(), type.resources().memoryMiB(),
                type.resources().gpus(), unavailable);
    }
}

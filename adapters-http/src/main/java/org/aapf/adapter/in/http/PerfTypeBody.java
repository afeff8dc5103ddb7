package org.aapf.adapter.in.http;

import com.fasterxml.jackson.annotation.JsonProperty;
import org.aapf.application.port.in.PerfTypeView;

/**
 * A performance type as written by the catalogue and cluster responses:
 * {@code {name, displayName, resources: {cpu, memory, "nvidia.com/gpu"}}}.
 */
record PerfTypeBody(String name, String displayName, Resources resources) {

    static PerfTypeBody from(PerfTypeView type) {
        return new PerfTypeBody(type.name(), type.displayName(),
                new Resources(type.cpu(), type.memoryMiB(), type.gpus().orElse(null)));
    }

    /** @param gpu {@code null} when the type has no GPU, as the reference shows it */
    record Resources(double cpu, long memory, @JsonProperty("nvidia.com/gpu") Integer gpu) {
    }
}

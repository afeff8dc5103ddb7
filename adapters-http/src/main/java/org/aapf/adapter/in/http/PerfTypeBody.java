package org.aapf.adapter.in.http;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import org.aapf.application.port.in.PerfTypeView;

/**
 * A performance type as written by the catalogue and cluster responses:
 * {@code {name, displayName, resources: {cpu, memory, "nvidia.com/gpu"}}}, and in the catalogue whether the backend
 * can run it.
 */
record PerfTypeBody(String name, String displayName, Resources resources,
        @JsonInclude(JsonInclude.Include.NON_NULL) Boolean available,
        @JsonInclude(JsonInclude.Include.NON_NULL) String unavailableReason) {

    /** As part of a cluster: without availability. */
    static PerfTypeBody from(PerfTypeView type) {
        return new PerfTypeBody(type.name(), type.displayName(), resources(type), null, null);
    }

    /**
     * As {@code GET /perf-types} lists it: a type the backend can never run also says {@code "available": false} and
     * why; one it can run looks exactly as in the reference.
     */
    static PerfTypeBody withAvailability(PerfTypeView type) {
        return new PerfTypeBody(type.name(), type.displayName(), resources(type),
                type.unavailable().isPresent() ? Boolean.FALSE : null, type.unavailable().orElse(null));
    }

    private static Resources resources(PerfTypeView type) {
        return new Resources(type.cpu(), type.memoryMiB(), type.gpus().orElse(null));
    }

    /** @param gpu {@code null} when the type has no GPU, as the reference shows it */
    record Resources(double cpu, long memory, @JsonProperty("nvidia.com/gpu") Integer gpu) {
    }
}

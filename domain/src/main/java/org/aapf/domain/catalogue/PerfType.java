package org.aapf.domain.catalogue;

import java.util.Objects;

/**
 * A performance type users may pick for a service, as listed by {@code GET /perf-types}.
 *
 * @param name the name users refer to it by, e.g. {@code small}
 */
public record PerfType(String name, String displayName, Resources resources) {

    public PerfType {
        if (name == null || name.isBlank()) {
            throw new IllegalArgumentException("'name' must not be blank");
        }
        if (displayName == null || displayName.isBlank()) {
            throw new IllegalArgumentException("'displayName' must not be blank");
        }
        Objects.requireNonNull(resources, "'resources' must not be null");
    }
}

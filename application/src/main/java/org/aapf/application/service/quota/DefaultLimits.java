package org.aapf.application.service.quota;

import java.util.Objects;
import org.aapf.domain.quota.Limits;

/**
 * The operator's limits for every user ({@code limits.*} in the configuration); a user's overrides replace them kind by
 * kind.
 */
public record DefaultLimits(Limits limits) {

    public DefaultLimits {
        Objects.requireNonNull(limits, "'limits' must not be null");
    }

    /** No limit at all. */
    public static DefaultLimits none() {
        return new DefaultLimits(Limits.NONE);
    }
}

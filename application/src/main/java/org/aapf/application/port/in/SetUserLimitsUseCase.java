package org.aapf.application.port.in;

import org.aapf.domain.quota.Limits;

/**
 * Sets a user's overrides of the operator's default limits. Lowering a limit below what the user uses stops nothing;
 * it refuses the user's next create, resize or start.
 */
public interface SetUserLimitsUseCase {

    /**
     * @param overrides replaces every override; a kind without a bound keeps the default ({@link Limits#NONE}: all)
     * @return the user's limits and use afterwards
     * @throws org.aapf.domain.error.AapfException {@code NOT_FOUND} for an unknown user
     */
    UsageView setLimits(String username, Limits overrides);
}

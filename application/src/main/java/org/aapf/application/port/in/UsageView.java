package org.aapf.application.port.in;

import org.aapf.domain.quota.Limits;
import org.aapf.domain.quota.Usage;

/**
 * A user's limits (the operator's defaults with the user's overrides) and what their AAClusters use of them.
 *
 * @param limits a kind without a bound is unlimited
 */
public record UsageView(Limits limits, Usage usage) {
}

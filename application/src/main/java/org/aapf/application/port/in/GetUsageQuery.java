package org.aapf.application.port.in;

import org.aapf.domain.user.UserId;

/** The caller's limits and use ({@code GET /usage}). */
public interface GetUsageQuery {

    UsageView usage(UserId user);
}

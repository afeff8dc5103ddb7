package org.aapf.application.port.in;

import org.aapf.domain.user.UserId;

/** Reads one of a user's API tokens by name. */
public interface GetApiTokenQuery {

    /** @throws org.aapf.domain.error.AapfException {@code NOT_FOUND} when the user has no token of that name. */
    ApiTokenView get(UserId owner, String tokenName);
}

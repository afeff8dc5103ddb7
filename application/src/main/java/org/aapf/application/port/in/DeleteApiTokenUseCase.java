package org.aapf.application.port.in;

import org.aapf.domain.user.UserId;

/** Deletes one of a user's API tokens; it stops working at once. */
public interface DeleteApiTokenUseCase {

    /** @throws org.aapf.domain.error.AapfException {@code NOT_FOUND} when the user has no token of that name. */
    void delete(UserId owner, String tokenName);
}

package org.aapf.application.port.in;

import org.aapf.domain.user.UserId;

/** Reads one of a user's AAClusters by name. */
public interface GetClusterQuery {

    /**
     * @throws org.aapf.domain.error.AapfException {@code NOT_FOUND} when the owner has no cluster of that name
     *     (another user's cluster included), {@code INVALID_INPUT} for an invalid name
     */
    ClusterView get(UserId owner, String name);
}
